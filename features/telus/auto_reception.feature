# language: fr
Fonctionnalité: L'auto-réception TELUS et les postes réservés aux annonces
  Guide : 002_6093346da80557bc.txt (TELUS, Connexion Affaires), sections « Heures ouvrables
  de l'entreprise », « Gestion des appels de l'entreprise », « Message d'accueil et menu de
  l'entreprise », « Nom d'appelant de l'entreprise » et « Postes réservés aux annonces »
  (Paramètres de l'Auto-réception) : « Heures ouvrables de l'entreprise » (« 24 heures pour que les appels
  entrants soient traités de la même façon tout le temps », ou les heures de chaque jour, qui
  déterminent les onglets Heures ouvrables et Après les heures ouvrables) ; « Gestion des
  appels de l'entreprise (paramètres IVR) » : « Au départ, l'Auto-réception est configurée
  pour faire entendre un message d'accueil par défaut avec le nom de votre entreprise »,
  « L'Auto-réception peut aussi établir la connexion directement avec un poste », « le
  numéro de l'Auto-réception » ; « Message d'accueil et menu de l'entreprise » : « Sous Si
  l'appelant n'entre aucune action, vous pouvez sélectionner Connecter au téléphoniste ou
  Déconnecter ». Section « Groupes » : « Tous les appelants acheminés vers ce poste
  entendront seulement une annonce ou un message d'accueil enregistré ». « Nom d'appelant de
  l'entreprise » : « Vous pouvez entrer jusqu'à 15 caractères ».
  Lecture retenue : le guide ne détaille pas les touches du menu de l'entreprise ; une
  touche (1 à 9, un seul niveau) connecte à un poste de l'entreprise ou à un numéro.
  Le client de démonstration « Clinique Horizon » a son auto-réception sur le 604 555-0100 :
  heures de l'entreprise du lundi au vendredi de 8 h à 17 h, touche 1 vers la file d'attente
  200, touche 2 vers Nadia (101), après les heures touche 1 vers la messagerie 300 ; sans
  action, l'appel est connecté au téléphoniste.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »
    Et la ligne « 604 555-0100 »

  Scénario: Pendant les heures ouvrables, la touche 1 connecte à la file d'attente
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre » et que l'appelant compose « 1 »
    Alors l'appelant entend « Bienvenue à la Clinique Horizon »
    Et l'appel est renvoyé vers « 200 »
    Et la règle appliquée est « ivr.key »
    Et aucun téléphone ne sonne

  Scénario: Après les heures ouvrables, le menu de fermeture répond avec le message par défaut
    Quand un appel arrive le « 2026-11-23 18:00 » alors que la ligne est « libre » et que l'appelant compose « 1 »
    Alors l'appelant entend le message d'accueil par défaut
    Et l'appel est renvoyé vers « 300 »

  Scénario: Si l'appelant n'entre aucune action, l'appel est connecté au téléphoniste
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors la règle appliquée est « ivr.no_input.operator »

  Scénario: Si l'appelant n'entre aucune action, l'appel peut être déconnecté
    Étant donné le menu vocal réglé ainsi :
      | champ    | valeur     |
      | enabled  | on         |
      | line_id  | ligne      |
      | no_input | disconnect |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors la règle appliquée est « ivr.no_input.disconnect »

  Scénario: En 24 heures, sans calendrier, les appels sont traités de la même façon tout le temps
    Étant donné le menu vocal réglé ainsi :
      | champ    | valeur   |
      | enabled  | on       |
      | line_id  | ligne    |
      | no_input | operator |
    Quand un appel arrive le « 2026-11-23 22:00 » alors que la ligne est « libre » et que l'appelant compose « 2 »
    Alors l'appelant entend le message d'accueil par défaut
    Et l'appel est renvoyé vers « 101 »

  Scénario: Le message d'accueil par défaut suffit pour activer l'auto-réception
    Quand on règle le menu vocal ainsi :
      | champ    | valeur   |
      | enabled  | on       |
      | line_id  | ligne    |
      | no_input | operator |
    Alors le réglage est enregistré

  Scénario: Une touche connecte seulement à un poste de l'entreprise
    Quand on ajoute la touche :
      | path | destination |
      | 3    | 999         |
    Alors le réglage est refusé : « ivr_key.destination.unknown_extension » sur le champ « destination »
    Et aucun réglage n'est enregistré

  Scénario: Le menu de l'entreprise n'a qu'un niveau
    Quand on ajoute la touche :
      | path | destination |
      | 31   | 102         |
    Alors le réglage est refusé : « ivr_key.path.too_deep » sur le champ « path »

  Scénario: Un poste réservé aux annonces fait seulement entendre une annonce
    Étant donné la ligne « 400 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appelant entend seulement une annonce
    Et aucun téléphone ne sonne

  Scénario: Le nom d'appelant de l'entreprise compte 15 caractères au plus
    Quand on règle le nom d'appelant de l'entreprise à « Clinique Horizo »
    Alors le réglage est enregistré

  Scénario: Un nom d'appelant de 16 caractères est refusé
    Quand on règle le nom d'appelant de l'entreprise à « Clinique Horizon »
    Alors le réglage est refusé : « company_caller_name.caller_name.too_long » sur le champ « caller_name »
    Et le message d'erreur cite « jusqu'à 15 caractères »
    Et aucun réglage n'est enregistré
