# language: fr
Fonctionnalité: Groupement d'appels SFR : membres, distribution, file d'attente et débordement
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §3.4.1 « Forfait
  Groupement d'appels » (les trois phases : présentation aux membres connectés, file
  d'attente, débordement), §6.1 « Connexion aux groupements d'appels de la ligne », §7.1
  « Les membres d'un groupement d'appels » (« le nombre de membres pour un groupement n'est
  pas limité », « Dans l'ordre d'ajout des membres », « Connectés au moment de l'ajout »,
  « Groupement sans aucun membre : dans ce cas la file d'attente est shuntée et les appels
  tombent directement en débordement », et le point d'attention : « Ne pas déranger »,
  « Renvoi d'appel immédiat » et « Renvoi d'appel programmé » « n'ont aucun effet sur la
  disponibilité d'une ligne dans un groupement d'appel »), §7.2 « Règles de distribution
  des appels » (Linéaire, Poste libre, Cyclique, Parallèle ; valeurs par défaut « Poste
  libre », 5 sonneries, délai inter-appel désactivé ; « valeur maximum 10 sonneries » ;
  délai inter-appel « maximum 3600s »), §7.3 « Les critères d'attentes » (20 appels et
  300 s par défaut, 50 appels et 3600 s au maximum) et §7.4 « Débordement » (Pas de
  renvoi, Disque de dissuasion, Renvoi vers un numéro, « Les numéros de renvois possibles
  sont les mêmes que pour les renvois d'appels (§ 6.14) », « il n'existe pas de renvoi vers
  une messagerie possible »).
  §6.1.1 « Statut de présence pour un groupement d'appel » : « Ce statut Présent/Sorti
  permet de rendre la ligne active ou non au cas par cas pour chacun de ses groupements
  d'appels. Par défaut lorsqu'une ligne est ajoutée comme membre à un groupement d'appels,
  elle est au statut « Présent » » ; « Le statut de présence d'une ligne dans ses
  groupements d'appels peut être géré depuis les selfcare » ; §6.1.2 « Paramétrage », bloc
  « GROUPES D'APPELS » de la ligne : « Cette ligne est membre de 2 groupes d'appels », NOM,
  TÉLÉPHONE, CONNECTÉ.
  Lecture retenue : la case « CONNECTÉ » de la page de la ligne est le statut Présent
  (cochée) ou Sorti (décochée) de la ligne dans ce groupement, le même que celui de la
  liste des membres du groupement. Le « Disque de dissuasion » est l'annonce prédéfinie « Dissuasion
  prédéfinie » ; le tableau de §7.4 le donne comme valeur par défaut. Le groupement de
  démonstration reprend l'exemple de §7.2 : Linéaire, 5 sonneries, 20 appels, 10 s
  d'attente, débordement vers un numéro.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Les membres sont ajoutés dans l'ordre et connectés au moment de l'ajout (§7.1)
    Quand on ajoute la ligne « 04 83 05 01 74 » au groupement « 04 83 05 01 75 »
    Alors le réglage est enregistré
    Et les membres du groupement « 04 83 05 01 75 » sont, dans l'ordre, « 04 83 05 01 73, 04 83 05 01 88, 04 83 05 01 72, 04 83 05 01 74 »
    Et la ligne « 04 83 05 01 74 » est connectée au groupement « 04 83 05 01 75 »

  Scénario: Ordonnancer les membres du premier au dernier (§7.1)
    Quand on place la ligne « 04 83 05 01 72 » en position 1 du groupement « 04 83 05 01 75 »
    Alors les membres du groupement « 04 83 05 01 75 » sont, dans l'ordre, « 04 83 05 01 72, 04 83 05 01 73, 04 83 05 01 88 »

  Scénario: Supprimer un membre sans contrainte particulière (§7.1)
    Quand on retire la ligne « 04 83 05 01 88 » du groupement « 04 83 05 01 75 »
    Alors le réglage est enregistré
    Et les membres du groupement « 04 83 05 01 75 » sont, dans l'ordre, « 04 83 05 01 73, 04 83 05 01 72 »

  Scénario: Une ligne d'accueil vocal ne peut pas être membre (§7.1)
    Quand on ajoute une ligne au client :
      | plan | number         | site       | first_name    |
      | avi  | 04 83 05 01 76 | Toine Immo | Accueil vocal |
    Et on ajoute la ligne « 04 83 05 01 76 » au groupement « 04 83 05 01 75 »
    Alors le réglage est refusé : « hunt_group.member.plan » sur le champ « line_id »

  Scénario: Un nouveau groupement a les valeurs par défaut du guide (§7.2, §7.3, §7.4)
    Quand on ajoute une ligne au client :
      | plan       | number         | site       | first_name |
      | groupement | 04 83 05 01 77 | Toine Immo | RCA        |
    Alors le groupement « 04 83 05 01 77 » a pour réglage « distribution » = « longest_idle »
    Et le groupement « 04 83 05 01 77 » a pour réglage « rings » = « 5 »
    Et le groupement « 04 83 05 01 77 » a pour réglage « wrap_up_enabled » = « False »
    Et le groupement « 04 83 05 01 77 » a pour réglage « max_calls » = « 20 »
    Et le groupement « 04 83 05 01 77 » a pour réglage « max_wait » = « 300 »
    Et le groupement « 04 83 05 01 77 » a pour réglage « overflow » = « deterrent »

  Plan du scénario: Les limites de la distribution et de l'attente (§7.2, §7.3)
    Quand on règle le groupement « 04 83 05 01 75 » ainsi :
      | champ   | valeur   |
      | <champ> | <valeur> |
    Alors <résultat>

    Exemples:
      | champ     | valeur | résultat                                                  |
      | rings     | 10     | le réglage est enregistré                                 |
      | rings     | 11     | le réglage est refusé : « hunt_group.rings.too_many » sur le champ « rings » |
      | max_calls | 50     | le réglage est enregistré                                 |
      | max_calls | 51     | le réglage est refusé : « hunt_group.max_calls.too_many » sur le champ « max_calls » |
      | max_wait  | 3600   | le réglage est enregistré                                 |
      | max_wait  | 3601   | le réglage est refusé : « hunt_group.max_wait.too_many » sur le champ « max_wait » |

  Scénario: Le délai inter-appel va jusqu'à 3600 s (§7.2)
    Quand on règle le groupement « 04 83 05 01 75 » ainsi :
      | champ           | valeur |
      | wrap_up_enabled | true   |
      | wrap_up         | 3600   |
    Alors le réglage est enregistré
    Quand on règle le groupement « 04 83 05 01 75 » ainsi :
      | champ           | valeur |
      | wrap_up_enabled | true   |
      | wrap_up         | 3601   |
    Alors le réglage est refusé : « hunt_group.wrap_up.too_many » sur le champ « wrap_up »

  Scénario: Pas de débordement vers une messagerie (§7.4)
    Quand on règle le groupement « 04 83 05 01 75 » ainsi :
      | champ    | valeur    |
      | overflow | voicemail |
    Alors le réglage est refusé : « hunt_group.overflow.invalid » sur le champ « overflow »

  Scénario: Le numéro de débordement suit la table des renvois (§7.4, §6.14)
    Quand on règle le groupement « 04 83 05 01 75 » ainsi :
      | champ           | valeur         |
      | overflow        | number         |
      | overflow_number | 08 00 12 34 56 |
    Alors le réglage est refusé : « hunt_group.overflow_number.not_allowed » sur le champ « overflow_number »

  Scénario: Linéaire : toujours la première ligne de la liste, puis la suivante (§7.2)
    Quand un appel arrive au groupement « 04 83 05 01 75 »
    Alors « 04 83 05 01 73, 04 83 05 01 88, 04 83 05 01 72 » sonnent dans cet ordre
    Et la règle appliquée est « sfr.hunt_group.distribution.linear »
    Et la section du guide citée est « §7.2 »

  Scénario: Linéaire : une ligne en communication est passée (§7.1, §7.2)
    Quand un appel arrive au groupement « 04 83 05 01 75 » avec :
      | entrée   | valeur         |
      | en ligne | 04 83 05 01 73 |
    Alors « 04 83 05 01 88, 04 83 05 01 72 » sonnent dans cet ordre
    Et le parcours dit « Non disponibles »

  Scénario: Cyclique : la ligne après la dernière ayant répondu (§7.2)
    Étant donné le groupement « 04 83 05 01 75 » réglé ainsi :
      | champ        | valeur |
      | distribution | cyclic |
    Quand un appel arrive au groupement « 04 83 05 01 75 » avec :
      | entrée             | valeur         |
      | dernier à répondre | 04 83 05 01 88 |
    Alors « 04 83 05 01 72, 04 83 05 01 73, 04 83 05 01 88 » sonnent dans cet ordre
    Et la règle appliquée est « sfr.hunt_group.distribution.cyclic »

  Scénario: Poste libre : la ligne disponible depuis le plus longtemps (§7.2)
    Étant donné le groupement « 04 83 05 01 75 » réglé ainsi :
      | champ        | valeur       |
      | distribution | longest_idle |
    Quand un appel arrive au groupement « 04 83 05 01 75 »
    Alors la règle appliquée est « sfr.hunt_group.distribution.longest_idle »
    Et le parcours dit « libre depuis le plus longtemps »

  Scénario: Parallèle : toutes les lignes sonnent en même temps (§7.2)
    Étant donné le groupement « 04 83 05 01 75 » réglé ainsi :
      | champ        | valeur   |
      | distribution | parallel |
    Quand un appel arrive au groupement « 04 83 05 01 75 »
    Alors la règle appliquée est « sfr.hunt_group.distribution.parallel »
    Et le parcours dit « le premier qui répond »

  Scénario: Groupement sans aucun membre : directement en débordement (§7.1)
    Étant donné le groupement « 04 83 05 01 75 » sans membre
    Quand un appel arrive au groupement « 04 83 05 01 75 »
    Alors l'appel est renvoyé vers « 01 47 50 58 69 »
    Et la règle appliquée est « sfr.hunt_group.overflow.no_member »
    Et aucun téléphone ne sonne

  Scénario: Aucun membre connecté : la file d'attente est shuntée (§6.1, §7.3)
    Étant donné le membre « 04 83 05 01 73 » déconnecté du groupement « 04 83 05 01 75 »
    Et le membre « 04 83 05 01 88 » déconnecté du groupement « 04 83 05 01 75 »
    Et le membre « 04 83 05 01 72 » déconnecté du groupement « 04 83 05 01 75 »
    Quand un appel arrive au groupement « 04 83 05 01 75 »
    Alors la règle appliquée est « sfr.hunt_group.overflow.none_connected »

  Scénario: Tous les membres en communication : l'appel attend (§3.4.1, §7.3)
    Quand un appel arrive au groupement « 04 83 05 01 75 » avec :
      | entrée   | valeur                                         |
      | en ligne | 04 83 05 01 73, 04 83 05 01 88, 04 83 05 01 72 |
    Alors l'appel attend dans la file d'attente
    Et la section du guide citée est « §7.3 »

  Scénario: File d'attente pleine : le nouvel appel déborde aussitôt (§7.3)
    Quand un appel arrive au groupement « 04 83 05 01 75 » avec :
      | entrée            | valeur |
      | appels en attente | 20     |
    Alors la règle appliquée est « sfr.hunt_group.overflow.queue_full »
    Et l'appel est renvoyé vers « 01 47 50 58 69 »

  Scénario: Temps d'attente maximum écoulé : l'appel déborde (§7.3)
    Quand un appel arrive au groupement « 04 83 05 01 75 » avec :
      | entrée      | valeur                                         |
      | en ligne    | 04 83 05 01 73, 04 83 05 01 88, 04 83 05 01 72 |
      | attente (s) | 10                                             |
    Alors la règle appliquée est « sfr.hunt_group.overflow.max_wait »

  Scénario: Débordement sur le disque de dissuasion (§7.4)
    Étant donné le groupement « 04 83 05 01 75 » réglé ainsi :
      | champ    | valeur    |
      | overflow | deterrent |
    Et le groupement « 04 83 05 01 75 » sans membre
    Quand un appel arrive au groupement « 04 83 05 01 75 »
    Alors l'appelant entend seulement une annonce
    Et le parcours dit « dissuasion »

  Scénario: L'appartenance au groupement prévaut sur les renvois de la ligne (§7.1)
    Quand un appel arrive sur la ligne « 04 83 05 01 73 »
    Alors le parcours dit « quels que soient son ne pas déranger, son renvoi immédiat ou son renvoi programmé »

  Scénario: La page de la ligne montre ses groupements, au statut « Présent » par défaut (§6.1.1, §6.1.2)
    Alors sur la ligne « 04 83 05 01 73 », le groupement « 04 83 05 01 75 » est au statut « Présent »

  Scénario: Passer la ligne au statut « Sorti » depuis sa propre page : le groupement ne la fait plus sonner (§6.1.1, §6.1.2)
    Quand sur la ligne « 04 83 05 01 73 » on met le groupement « 04 83 05 01 75 » au statut « Sorti »
    Alors le réglage est enregistré
    Et sur la ligne « 04 83 05 01 73 », le groupement « 04 83 05 01 75 » est au statut « Sorti »
    Et la ligne « 04 83 05 01 73 » n'est plus connectée au groupement « 04 83 05 01 75 »
    Quand un appel arrive au groupement « 04 83 05 01 75 »
    Alors « 04 83 05 01 88, 04 83 05 01 72 » sonnent dans cet ordre

  Scénario: Revenir au statut « Présent » depuis la page de la ligne (§6.1.1)
    Étant donné le membre « 04 83 05 01 73 » déconnecté du groupement « 04 83 05 01 75 »
    Quand sur la ligne « 04 83 05 01 73 » on met le groupement « 04 83 05 01 75 » au statut « Présent »
    Alors le réglage est enregistré
    Et la ligne « 04 83 05 01 73 » est connectée au groupement « 04 83 05 01 75 »

  Scénario: Depuis la page de la ligne, le statut change mais pas le groupement (§6.1.2)
    Quand on ajoute une ligne au client :
      | plan       | number         | site       | first_name |
      | groupement | 04 83 05 01 99 | Toine Immo | Ventes     |
    Et sur la ligne « 04 83 05 01 73 » on met l'appartenance au groupement « 04 83 05 01 75 » sur le groupement « 04 83 05 01 99 »
    Alors le réglage est refusé : « hunt_group.member.line_fixed » sur le champ « group_line_id »
