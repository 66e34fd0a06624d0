# language: fr
Fonctionnalité: Les annonces des groupements d'appels et des accueils vocaux interactifs SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §4.5 « Annonces de
  groupements d'appels et d'accueils vocaux interactifs » : « en cas de changement
  d'annonce, l'annonce téléchargée et affectée précédemment est conservée au niveau du
  site » ; « en chargeant un nouveau fichier audio à la place de cette annonce, elle sera
  modifiée sur tous les groupements d'appels ou tous les AVI du site qui l'utilisent » ;
  « Il est également possible de supprimer une annonce lorsqu'elle n'est utilisée sur aucune
  ligne » ; « les annonces par défaut systématiquement présentes sur tous les sites, ne sont
  ni modifiables, ni supprimables : Accueil prédéfini, Attente prédéfinie, Dissuasion
  prédéfinie ». §8.1 : « Il est possible d'affecter la même annonce téléchargée sur plusieurs
  AVI d'un même site ».
  Lecture retenue : les annonces prédéfinies s'appellent « Accueil », « Attente » et
  « Dissuasion » ; aucune annonce du client ne peut prendre leur nom. Un AVI se réfère à une
  annonce de son site : la modifier la modifie pour chaque AVI qui l'utilise. Le dépôt du
  fichier MP3 ou WAV (2 minutes, 3 Mo au plus, §4.4) viendra avec le module audio commun.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Une annonce est conservée au niveau du site
    Quand on ajoute l'annonce « Accueil agence » au site « Toine Immo »
    Alors le réglage est enregistré

  Plan du scénario: Les annonces prédéfinies ne sont ni modifiables ni supprimables
    Quand on ajoute l'annonce « <nom> » au site « Toine Immo »
    Alors le réglage est refusé : « announcement.name.reserved » sur le champ « name »
    Et la liste des annonces dit « <nom> »
    Et aucun réglage n'est enregistré

    Exemples:
      | nom        |
      | Accueil    |
      | Attente    |
      | Dissuasion |

  Scénario: Une annonce utilisée par un AVI ne peut pas être supprimée
    Quand on supprime l'annonce « Sous-menu 2 »
    Alors le réglage est refusé : « announcement.name.in_use » sur le champ « name »
    Et le message d'erreur cite « 04 83 05 01 70 (Accueil Vocal Marketing) »
    Et aucun réglage n'est enregistré

  Scénario: Une annonce qui n'est utilisée sur aucune ligne peut être supprimée
    Étant donné l'annonce « Ancienne annonce » du site « Toine Immo »
    Quand on supprime l'annonce « Ancienne annonce »
    Alors le réglage est enregistré
    Et l'annonce « Ancienne annonce » ne figure plus dans la liste

  Scénario: Modifier une annonce la modifie sur tous les AVI du site qui l'utilisent
    Étant donné la ligne « 04 83 05 01 70 »
    Quand on renomme l'annonce « AVI MP3 » en « Accueil Marketing 2027 »
    Et un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre » et que l'appelant compose « 1 »
    Alors l'appelant entend « Accueil Marketing 2027 »

  Scénario: Deux annonces d'un même site ne portent pas le même nom
    Quand on ajoute l'annonce « Fermeture » au site « Toine Immo »
    Alors le réglage est refusé : « announcement.name.duplicate » sur le champ « name »
