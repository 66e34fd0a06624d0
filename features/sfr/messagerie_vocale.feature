# language: fr
Fonctionnalité: La messagerie vocale d'une ligne utilisateur SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §6.15 « Messagerie vocale
  d'une ligne utilisateur » : §6.15.1 « Description » (toutes les lignes utilisateurs sont
  équipées d'un compte de messagerie vocale ; « Le gestionnaire peut seulement activer la
  notification de message sur une adresse mail » ; « Messagerie convergente » ; « Limites
  d'utilisation d'un compte de messagerie vocale ») et §6.15.2 « Paramétrage »
  (« Notification de messages vocaux sur une boîte mail », valeur par défaut « Pas de
  notification »).
  Lecture retenue : les limites d'utilisation sont celles du serveur de messagerie ; le
  backoffice les applique aux messages que le serveur (bac à sable) garde : un message ou
  une annonce d'accueil s'arrête à sa durée maximale, une boîte de 4 heures de messages est
  pleine, et les messages expirés sont supprimés. L'annonce d'accueil s'enregistre au
  combiné (§6.15.2 « L'annonce d'accueil s'enregistre directement à partir du combiné ») :
  aucun fichier n'est téléversé chez SFR.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Toutes les lignes utilisateurs ont une messagerie et ses limites d'utilisation (§6.15.1)
    Étant donné l'opérateur « sfr »
    Alors il offre « voicemail » sur les forfaits « fixe, fixe_mobile, mobile »
    Et la limite « max_greeting_seconds » de « voicemail » vaut 120
    Et la limite « max_message_seconds » de « voicemail » vaut 900
    Et la limite « new_message_days » de « voicemail » vaut 60
    Et la limite « archived_message_days » de « voicemail » vaut 14
    Et la limite « max_box_seconds » de « voicemail » vaut 14400

  Scénario: Le gestionnaire règle seulement la notification par mail, « Pas de notification » par défaut (§6.15.2)
    Étant donné la ligne « 04 83 05 01 88 »
    Alors la messagerie vocale ne se règle que par « notification, email »
    Et la notification affichée est « Pas de notification »
    Et la boîte vocale de la ligne est « activée »

  Scénario: Envoi d'une notification avec le message en pièce jointe à l'adresse mail de réception
    Étant donné la ligne « 04 83 05 01 88 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ        | valeur                      |
      | notification | attach                      |
      | email        | toineimmo+camille@gmail.com |
    Alors le réglage est enregistré
    Et la notification affichée est « Envoi d'une notification avec le message en pièce jointe »

  Scénario: Une notification sans adresse mail de réception est refusée
    Étant donné la ligne « 04 83 05 01 88 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ        | valeur |
      | notification | notify |
      | email        |        |
    Alors le réglage est refusé : « voicemail.email.required » sur le champ « email »
    Et aucun réglage n'est enregistré

  Scénario: La ligne fixe associée à une ligne mobile partage sa messagerie convergente (§6.15.1)
    Étant donné la ligne « 04 83 05 01 90 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ        | valeur                    |
      | notification | attach                    |
      | email        | toineimmo+alain@gmail.com |
    Alors le réglage est enregistré
    Et la boîte vocale est gardée par la ligne « 06 17 30 64 73 »
    Et les lignes « 04 83 05 01 90 » et « 06 17 30 64 73 » partagent la même boîte vocale
    Et la page indique « +33617306473 »

  Scénario: Un message dure 15 minutes au plus
    Étant donné la ligne « 04 83 05 01 73 »
    Quand un correspondant laisse un message de 15 minutes
    Alors le message est gardé en entier, 15 minutes
    Quand un correspondant laisse un message de 15 minutes 1 seconde
    Alors le message est gardé, coupé à 15 minutes

  Scénario: L'annonce d'accueil dure 2 minutes au plus
    Étant donné la ligne « 04 83 05 01 73 »
    Quand l'utilisateur enregistre au téléphone un message d'accueil de 2 minutes
    Alors le message d'accueil gardé dure 2 minutes
    Quand l'utilisateur enregistre au téléphone un message d'accueil de 2 minutes 30 secondes
    Alors le message d'accueil gardé dure 2 minutes

  Scénario: Une boîte vocale de 4 heures de messages accumulés est pleine
    Étant donné la ligne « 04 83 05 01 74 »
    Alors la boîte vocale de la ligne est « pleine »
    Et la page indique « 4 h sur 4 h »
    Quand un correspondant laisse un message de 10 secondes
    Alors le correspondant ne peut pas laisser de message

  Scénario: Une boîte vocale à 4 heures moins 10 secondes garde encore un message, coupé à ce qui reste
    Étant donné la ligne « 04 83 05 01 72 »
    Et la messagerie vocale de la ligne réglée ainsi :
      | champ        | valeur |
      | notification | none   |
    Et la boîte vocale de la ligne contient 3 heures 59 minutes 50 secondes de messages
    Quand un correspondant laisse un message de 1 minute
    Alors le message est gardé, coupé à 10 secondes
    Et la boîte vocale de la ligne est « pleine »

  Scénario: Un nouveau message est gardé 60 jours, un message archivé 14 jours
    Étant donné la ligne « 04 83 05 01 73 »
    Et un message nouveau laissé il y a 60 jours
    Et un message nouveau laissé il y a 60 jours et une minute
    Et un message archivé laissé il y a 14 jours
    Et un message archivé laissé il y a 14 jours et une minute
    Quand le serveur de messagerie fait le ménage
    Alors 2 message expiré est supprimé

  Scénario: Renvoyé vers une messagerie pleine, le correspondant ne peut pas déposer de message
    Étant donné la ligne « 04 83 05 01 74 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « occupée »
    Alors l'appel va sur la messagerie vocale
    Et le parcours dit « Boîte vocale : Pleine »
    Et le parcours dit « ne peuvent plus laisser de messages »

  Scénario: Renvoyé vers la messagerie, le parcours en dit l'état et la durée d'un message
    Étant donné la ligne « 04 83 05 01 73 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « occupée »
    Alors l'appel va sur la messagerie vocale
    Et le parcours dit « Boîte vocale : Activée (3 messages »
    Et le parcours dit « Un message dure 15 min au plus. »
