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
  Lecture retenue : un appel qui ne peut pas attendre (file pleine, aucun membre) va sur la
  messagerie vocale de la file, dont les messages vont au destinataire des messages. Les
  heures de la file d'attente et le message d'accueil personnalisé ne sont pas encore
  modélisés : le message d'accueil est celui par défaut, activé ou non.

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
