# language: fr
Fonctionnalité: Files d'attente TELUS
  Guide : 002_6093346da80557bc.txt (TELUS, portail administrateur Connexion Affaires),
  section « Files d'attente » : « Les files d'attente peuvent prendre jusqu'à 25 appels » ;
  « Remplissez les champs Numéro de poste, Nom du poste et Courriel gestionnaire », puis
  « Sélectionnez les utilisateurs que vous voudriez ajouter au groupe » ; « Traitement des
  appels » : « En rotation – en ordre croissant des numéros de poste », « Simultanément – à
  tous les postes du service », « Selon l'ordre établi – choisissez un ordre » ; « Messages
  et avis » : destinataire des messages choisi parmi les membres, avis par courriel des
  messages vocaux et des appels manqués.
  « Messages d'accueil de la file d'attente » : « Si vous voulez que les appelants entendent
  un message d'accueil enregistré avant d'être connectés à un groupe d'appel, activez le
  Message d'accueil de la file d'attente », « Par défaut » ou « Personnaliser » (« Importer :
  Cherchez le fichier .WAV ou .MP3 ») ; « Traitement des appels » : « Sous Attente musicale,
  cliquez sur Configurer l'attente musicale pour sélectionner ce que les appelants entendront
  pendant qu'ils attendent » ; « Info sur la file d'attente » : « Heures ouvrables de la file
  d'attente » (« Heures ouvrables de l'entreprise » : « 24 heures pour que les appels entrants
  soient traités de la même façon tout le temps » ou « Précisez les heures pour chaque jour
  de la semaine »), avec les onglets « Heures de la file d'attente et Après les heures » ;
  « Avis » : « avis à envoyer par téléphone ou par courriel lorsque chaque file d'attente
  reçoit des messages vocaux ou des appels manqués ».
  Lecture retenue : un appel qui ne peut pas attendre (file pleine, aucun membre) va sur la
  messagerie vocale de la file, dont les messages vont au destinataire des messages. Le
  message d'accueil est désactivé tant qu'on ne l'active pas. L'attente musicale est celle
  par défaut ou un fichier .WAV ou .MP3 importé comme le message d'accueil. Les heures de
  la file d'attente sont un calendrier du client (les heures de chaque jour), aucun
  calendrier voulant dire 24 heures ; « Après les heures », le message d'accueil de
  l'onglet Après les heures joue, aucun membre ne sonne et la messagerie vocale de la file
  prend l'appel.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »

  Scénario: Créer une file d'attente avec un poste, un nom et le courriel du gestionnaire
    Quand on ajoute une ligne au client :
      | plan  | extension | first_name |
      | queue | 210       | Ventes     |
    Alors la ligne est refusée : « line.email.required » sur le champ « email »

  Scénario: Ajouter des utilisateurs à une nouvelle file d'attente
    Quand on ajoute une ligne au client :
      | plan  | extension | first_name | email                        |
      | queue | 210       | Ventes     | ventes@cliniquehorizon.ca    |
    Et on ajoute la ligne « 102 » au groupement « 210 »
    Et on ajoute la ligne « 101 » au groupement « 210 »
    Alors les membres du groupement « 210 » sont, dans l'ordre, « 102, 101 »

  Scénario: En rotation, en ordre croissant des numéros de poste
    Quand un appel arrive au groupement « 200 »
    Alors « 101, 102 » sonnent dans cet ordre
    Et la règle appliquée est « telus.queue.distribution.cyclic »

  Scénario: En rotation, après le dernier poste qui a répondu
    Quand un appel arrive au groupement « 200 » avec :
      | entrée             | valeur |
      | dernier à répondre | 101    |
    Alors « 102, 101 » sonnent dans cet ordre

  Scénario: Simultanément, à tous les postes du service
    Étant donné le groupement « 200 » réglé ainsi :
      | champ        | valeur   |
      | distribution | parallel |
    Quand un appel arrive au groupement « 200 »
    Alors la règle appliquée est « telus.queue.distribution.parallel »

  Scénario: Selon l'ordre établi
    Étant donné le groupement « 200 » réglé ainsi :
      | champ        | valeur |
      | distribution | linear |
    Quand on place la ligne « 102 » en position 1 du groupement « 200 »
    Et un appel arrive au groupement « 200 »
    Alors « 102, 101 » sonnent dans cet ordre
    Et la règle appliquée est « telus.queue.distribution.linear »

  Scénario: Jusqu'à 25 appels en attente
    Quand un appel arrive au groupement « 200 » avec :
      | entrée            | valeur   |
      | en ligne          | 101, 102 |
      | appels en attente | 24       |
    Alors l'appel attend dans la file d'attente

  Scénario: Le 26e appel ne peut plus attendre et va sur la messagerie vocale
    Quand un appel arrive au groupement « 200 » avec :
      | entrée            | valeur |
      | appels en attente | 25     |
    Alors la règle appliquée est « telus.queue.overflow.queue_full »
    Et l'appel va sur la messagerie vocale

  Scénario: Une file d'attente sans membre envoie ses appels à la messagerie vocale
    Étant donné le groupement « 200 » sans membre
    Quand un appel arrive au groupement « 200 »
    Alors l'appel va sur la messagerie vocale
    Et aucun téléphone ne sonne

  Scénario: Le destinataire des messages est un membre de la file d'attente
    Quand on ajoute une ligne au client :
      | plan | extension | first_name | last_name |
      | user | 103       | Marc       | Tremblay  |
    Et on règle le groupement « 200 » ainsi :
      | champ             | valeur |
      | message_recipient | 103    |
    Alors le réglage est refusé : « hunt_group.message_recipient.not_member » sur le champ « message_recipient »

  Scénario: Les avis demandent une adresse courriel
    Quand on règle le groupement « 200 » ainsi :
      | champ           | valeur |
      | notify_email    |        |
      | notify_voicemail | true  |
    Alors le réglage est refusé : « hunt_group.notify_email.required » sur le champ « notify_email »

  Scénario: Le message d'accueil de la file d'attente est désactivé tant qu'on ne l'active pas (section « Messages d'accueil de la file d'attente »)
    Quand on ajoute une ligne au client :
      | plan  | extension | first_name | email                     |
      | queue | 210       | Ventes     | ventes@cliniquehorizon.ca |
    Alors le groupement « 210 » a pour réglage « greeting » = « off »
    Et le groupement « 210 » a pour réglage « hold_music » = « default »

  Scénario: L'appelant entend le message d'accueil personnalisé importé, puis l'attente musicale
    Étant donné la ligne « 200 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appelant entend « accueil-soutien.wav »
    Et le parcours passe par « telus.queue.greeting.custom »
    Et le parcours passe par « telus.queue.hold_music.default »
    Et la règle appliquée est « telus.queue.distribution.cyclic »

  Scénario: Message d'accueil par défaut
    Étant donné le groupement « 200 » réglé ainsi :
      | champ    | valeur  |
      | greeting | default |
    Quand un appel arrive au groupement « 200 »
    Alors le parcours passe par « telus.queue.greeting.default »

  Scénario: Sans message d'accueil, l'appel est connecté directement au groupe
    Étant donné le groupement « 200 » réglé ainsi :
      | champ    | valeur |
      | greeting | off    |
    Quand un appel arrive au groupement « 200 »
    Alors le parcours ne passe pas par « telus.queue.greeting.custom »
    Et le parcours ne passe pas par « telus.queue.greeting.default »

  Scénario: Personnaliser le message d'accueil en important un fichier MP3
    Quand on téléverse un fichier MP3 « bienvenue-ventes.mp3 » pour le message d'accueil de la file d'attente
    Et on règle le groupement « 200 » ainsi :
      | champ             | valeur                |
      | greeting          | custom                |
      | greeting_audio_id | le fichier téléversé  |
    Et un appel arrive au groupement « 200 »
    Alors l'appelant entend « bienvenue-ventes.mp3 »

  Scénario: Personnaliser demande le fichier du message d'accueil
    Quand on règle le groupement « 200 » ainsi :
      | champ             | valeur |
      | greeting          | custom |
      | greeting_audio_id |        |
    Alors le réglage est refusé : « hunt_group.greeting_audio_id.required » sur le champ « greeting_audio_id »

  Scénario: Un fichier qui n'est ni .WAV ni .MP3 est refusé
    Quand on téléverse un fichier texte « accueil.mp3 » pour le message d'accueil de la file d'attente
    Alors le réglage est refusé : « hunt_group.greeting_audio_id.unreadable » sur le champ « greeting_audio_id »

  Scénario: Configurer l'attente musicale avec un fichier de la file d'attente (section « Traitement des appels »)
    Quand on téléverse un fichier WAV « musique-soutien.wav » pour l'attente musicale de la file d'attente
    Et on règle le groupement « 200 » ainsi :
      | champ               | valeur               |
      | hold_music          | custom               |
      | hold_music_audio_id | le fichier téléversé |
    Et un appel arrive au groupement « 200 » avec :
      | entrée   | valeur   |
      | en ligne | 101, 102 |
    Alors le parcours dit « musique-soutien.wav »
    Et le parcours passe par « telus.queue.hold_music.custom »
    Et l'appel attend dans la file d'attente

  Scénario: Après les heures de la file d'attente, aucun membre ne sonne et la messagerie vocale prend l'appel (section « Info sur la file d'attente »)
    Étant donné la ligne « 200 »
    Quand un appel arrive le « 2026-11-28 10:00 » alors que la ligne est « libre »
    Alors le parcours passe par « telus.queue.after_hours »
    Et le parcours passe par « telus.queue.after_hours_greeting.default »
    Et la règle appliquée est « telus.queue.after_hours.voicemail »
    Et l'appel va sur la messagerie vocale
    Et aucun téléphone ne sonne

  Scénario: Une file d'attente ouverte 24 heures traite les appels de la même façon tout le temps
    Étant donné le groupement « 200 » réglé ainsi :
      | champ       | valeur |
      | calendar_id |        |
    Et la ligne « 200 »
    Quand un appel arrive le « 2026-11-28 23:00 » alors que la ligne est « libre »
    Alors la règle appliquée est « telus.queue.distribution.cyclic »

  Scénario: Les messages laissés à la file d'attente vont au destinataire des messages, qui en est avisé
    Quand un appel arrive au groupement « 200 » avec :
      | entrée            | valeur |
      | appels en attente | 25     |
    Alors l'appel va sur la messagerie vocale
    Et le parcours dit « Nadia Roy (101) »
    Et le parcours dit « nadia.roy@cliniquehorizon.ca »

  Scénario: Les avis peuvent aller à un numéro de téléphone (section « Avis »)
    Quand on règle le groupement « 200 » ainsi :
      | champ            | valeur       |
      | notify_email     |              |
      | notify_phone     | 604 555-0101 |
      | notify_voicemail | true         |
    Alors le réglage est enregistré
