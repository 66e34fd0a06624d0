# language: fr
Fonctionnalité: La messagerie vocale TELUS : message d'accueil, destinataire et avis
  Guide : 002_6093346da80557bc.txt (TELUS, Connexion Affaires), « Messages et avis » des
  Utilisateurs, des Files d'attente et des Postes de messagerie seulement : « Configurer un
  Message d'accueil de la messagerie vocale » (Par défaut ou Personnalisé ; « Importer :
  Cherchez le fichier .WAV ou .MP3 »), « Destinataire des messages », « Avis » par
  téléphone ou par courriel et « Options d'avis avancées » (différentes adresses de
  courriel, marquer les messages comme lus, pièces jointes) ; section « Postes de
  messagerie seulement » : « Tous les appels acheminés à ce poste seront dirigés
  directement vers sa boîte vocale ».
  Lecture retenue : le format du fichier se lit dans son contenu, pas dans son nom ; le
  guide ne donne ni durée ni taille maximale du fichier : la limite de téléversement de la
  plateforme s'applique.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »

  Scénario: L'offre : utilisateurs, files d'attente et postes de messagerie seulement
    Étant donné l'opérateur « telus »
    Alors il offre « voicemail » sur les forfaits « user, queue, voicemail_only »

  Scénario: Un message d'accueil personnalisé importé d'un fichier .WAV
    Étant donné la ligne « 102 »
    Quand on téléverse pour le message d'accueil un fichier WAV de 5 secondes
    Alors le fichier téléversé est au format WAV
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ          | valeur                |
      | greeting       | custom                |
      | greeting_audio | le fichier téléversé  |
    Alors le réglage est enregistré
    Et le message d'accueil est « personnalisé »

  Scénario: Un message d'accueil personnalisé importé d'un fichier .MP3
    Étant donné la ligne « 102 »
    Quand on téléverse pour le message d'accueil un fichier MP3 de 4 secondes
    Alors le fichier téléversé est au format MP3

  Scénario: Un fichier qui se dit MP3 sans en être un est refusé
    Étant donné la ligne « 102 »
    Quand on téléverse pour le message d'accueil un fichier texte nommé « accueil.mp3 »
    Alors le réglage est refusé : « voicemail.greeting_audio.unreadable » sur le champ « greeting_audio »
    Et le message d'erreur cite « ni du MP3 ni du WAV »

  Scénario: Personnalisé sans enregistrement, le message d'accueil est refusé
    Étant donné la ligne « 102 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ    | valeur |
      | greeting | custom |
    Alors le réglage est refusé : « voicemail.greeting_audio.required » sur le champ « greeting_audio »

  Scénario: Le destinataire des messages est un utilisateur ou une file d'attente
    Étant donné la ligne « 300 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ     | valeur |
      | recipient | 400    |
    Alors le réglage est refusé : « voicemail.recipient.unknown » sur le champ « recipient »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ     | valeur |
      | recipient | 200    |
    Alors le réglage est enregistré

  Scénario: Les avis par courriel et par téléphone, et les options d'avis avancées
    Étant donné la ligne « 102 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ        | valeur                                               |
      | notification | attach                                               |
      | email        | olivier.chen@cliniquehorizon.ca                      |
      | notify_phone | 604 555-0102                                         |
      | more_emails  | accueil@cliniquehorizon.ca, soins@cliniquehorizon.ca |
      | mark_as_read | oui                                                  |
    Alors le réglage est enregistré
    Et la page indique « +16045550102 »

  Scénario: Un poste de messagerie seulement envoie chaque appel à sa boîte vocale
    Étant donné la ligne « 300 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appel va sur la messagerie vocale
    Et aucun téléphone ne sonne
    Et le parcours dit « Boîte vocale : Activée (0 message) »

  Scénario: Ne pas déranger envoie l'appelant à la boîte vocale, dont le parcours dit l'état
    Étant donné la ligne « 102 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appel va sur la messagerie vocale
    Et le parcours dit « Boîte vocale : Activée »
