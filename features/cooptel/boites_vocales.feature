# language: fr
Fonctionnalité: Gérer les boîtes vocales des postes Cooptel
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, interface Arcade), §3 « Gérer vos boîtes
  vocales » : §3.1 « Ajouter une boîte vocale » (poste, nom, mot de passe, durée maximale
  des messages, nombre maximum de messages bloqué à 100, adresse courriel, messages envoyés
  uniquement par courriel, touches « 0 » et « * »), §3.2 « Les options de vos boîtes
  vocales » (« Vider une boîte vocale », « (0 message / 100) »), et §9.1 « Paramétrer le
  poste téléphonique » (« Boîte vocale » : « Si cette option est désactivée, le téléphone
  sonnera indéfiniment »).
  Lecture retenue : l'adresse courriel du §3.1 (point 6) reçoit les messages vocaux
  eux-mêmes, donc la notification offerte est « avec le message en pièce jointe » ; le
  guide ne borne pas la durée maximale des messages, le backoffice la borne à une heure ;
  le mot de passe se compose au clavier du téléphone, donc en chiffres.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: L'offre : une boîte vocale par poste, au plus 100 messages (§3.1)
    Étant donné l'opérateur « cooptel »
    Alors il offre « voicemail » sur les forfaits « extension »
    Et la limite « max_messages » de « voicemail » vaut 100
    Et la limite « email_only » de « voicemail » vaut True
    Et la limite « switchable » de « voicemail » vaut True

  Scénario: Boîte vocale désactivée, le téléphone sonne indéfiniment (§9.1)
    Quand on ajoute une ligne au client :
      | plan      | extension | first_name | last_name |
      | extension | 110       | Marie      | Tremblay  |
    Étant donné la ligne « 110 »
    Alors la boîte vocale de la ligne est « désactivée »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « sans réponse »
    Alors la ligne sonne
    Et la règle appliquée est « voicemail.off_rings_forever »
    Et le parcours dit « le téléphone sonnera indéfiniment »

  Scénario: Boîte vocale activée, le correspondant y tombe une fois la sonnerie écoulée (§9.1)
    Quand on ajoute une ligne au client :
      | plan      | extension | first_name | last_name |
      | extension | 110       | Marie      | Tremblay  |
    Étant donné la ligne « 110 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ               | valeur                      |
      | enabled             | oui                         |
      | name                | Marie Tremblay              |
      | password            | 2468                        |
      | max_message_seconds | 120                         |
      | email               | marie@fromageriedulac.ca    |
      | notification        | attach                      |
      | key_0               | 101                         |
      | key_star            | 102                         |
    Alors le réglage est enregistré
    Et la page indique « (0 message / 100) »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « sans réponse »
    Alors l'appel va sur la messagerie vocale
    Et le parcours dit « Boîte vocale : Activée (0 message / 100) »

  Scénario: La boîte vocale garde son 100e message, puis elle est pleine et n'en prend plus (§3.2)
    Quand on ajoute une ligne au client :
      | plan      | extension | first_name | last_name |
      | extension | 110       | Marie      | Tremblay  |
    Étant donné la ligne « 110 »
    Et la messagerie vocale de la ligne réglée ainsi :
      | champ   | valeur |
      | enabled | oui    |
    Et la boîte vocale de la ligne contient 99 messages
    Quand un correspondant laisse un message de 30 secondes
    Alors le message est gardé en entier, 30 secondes
    Et la boîte vocale de la ligne est « pleine »
    Et la page indique « (100 messages / 100) »
    Quand un correspondant laisse un message de 30 secondes
    Alors le correspondant ne peut pas laisser de message

  Scénario: Une boîte pleine : le parcours le dit (§3.2)
    Étant donné la ligne « 101 »
    Alors la boîte vocale de la ligne est « pleine »
    Quand on règle le renvoi de la ligne ainsi :
      | champ        | valeur |
      | ring_seconds | 20     |
    Et un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « sans réponse »
    Alors l'appel va sur la messagerie vocale
    Et le parcours dit « Boîte vocale : Pleine (100 messages / 100) »

  Scénario: La durée maximale des messages choisie s'applique
    Étant donné la ligne « 101 »
    Et la messagerie vocale de la ligne réglée ainsi :
      | champ               | valeur                    |
      | enabled             | oui                       |
      | max_message_seconds | 60                        |
      | email               | sophie@fromageriedulac.ca |
      | notification        | attach                    |
    Quand on vide la boîte vocale de la ligne après confirmation
    Et un correspondant laisse un message de 90 secondes
    Alors le message est gardé, coupé à 1 minute

  Scénario: Messages envoyés uniquement par courriel : plus accessibles à l'aide d'un téléphone (§3.1)
    Étant donné la ligne « 102 »
    Alors la boîte vocale de la ligne est « courriel seulement »
    Et la page indique « ne sont pas conservés sur le serveur »
    Quand un correspondant laisse un message de 30 secondes
    Alors le message est envoyé par courriel sans être gardé sur le serveur

  Scénario: Sans adresse courriel, l'option « courriel seulement » est refusée
    Étant donné la ligne « 102 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ      | valeur |
      | enabled    | oui    |
      | email_only | oui    |
      | email      |        |
    Alors le réglage est refusé : « voicemail.email.required » sur le champ « email »
    Et aucun réglage n'est enregistré

  Scénario: Les touches « 0 » et « * » redirigent vers un poste du compte
    Étant donné la ligne « 101 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ   | valeur |
      | enabled | oui    |
      | key_0   | 999    |
    Alors le réglage est refusé : « voicemail.key_0.unknown_extension » sur le champ « key_0 »
    Et le message d'erreur cite « 999 »

  Scénario: Le mot de passe se compose au clavier du téléphone
    Étant donné la ligne « 101 »
    Quand on règle la messagerie vocale de la ligne ainsi :
      | champ    | valeur |
      | enabled  | oui    |
      | password | 12ab   |
    Alors le réglage est refusé : « voicemail.password.invalid » sur le champ « password »

  Scénario: Vider une boîte vocale demande une confirmation (§3.2)
    Étant donné la ligne « 101 »
    Quand on vide la boîte vocale de la ligne sans confirmer
    Alors la boîte vocale de la ligne contient encore 100 messages
    Quand on vide la boîte vocale de la ligne après confirmation
    Alors le réglage est enregistré
    Et la boîte vocale de la ligne contient encore 0 message
    Et la boîte vocale de la ligne est « activée »

  Scénario: Vider la boîte vocale et effacer aussi les messages d'accueil personnalisés (§3.2)
    Étant donné la ligne « 101 »
    Quand l'utilisateur enregistre au téléphone un message d'accueil de 20 secondes
    Et on vide la boîte vocale de la ligne après confirmation
    Alors le message d'accueil est « personnalisé »
    Quand l'utilisateur enregistre au téléphone un message d'accueil de 20 secondes
    Et on vide la boîte vocale de la ligne après confirmation, avec ses messages d'accueil personnalisés
    Alors le message d'accueil est « par défaut »
    Et la boîte vocale de la ligne contient encore 0 message
