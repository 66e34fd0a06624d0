# language: fr
Fonctionnalité: La gestion et le renvoi des appels d'un utilisateur TELUS
  Guide : 002_6093346da80557bc.txt (TELUS, Connexion Affaires), section « Utilisateurs >
  Gestion et renvoi des appels » (renvoi des appels, renvoi instantané) et section « Ne pas
  déranger » (« N'accepter aucun appel ». Tous les appelants sont dirigés vers la boîte
  vocale).
  Lectures choisies (le guide ne détaille pas ces réglages) : le renvoi instantané renvoie
  tous les appels ; le renvoi des appels renvoie ceux auxquels l'utilisateur ne répond pas ;
  « Ne pas déranger » l'emporte sur les deux ; la destination est un numéro ou le poste
  d'un autre utilisateur du client.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »
    Et la ligne « 101 »

  Scénario: Ne pas déranger dirige tous les appelants vers la boîte vocale
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                  | valeur |
      | do_not_disturb_enabled | on     |
      | always_enabled         | on     |
      | always_destination     | 102    |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appel va sur la messagerie vocale
    Et la règle appliquée est « telus.forwarding.do_not_disturb »

  Scénario: Le renvoi instantané renvoie tous les appels
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ              | valeur         |
      | always_enabled     | on             |
      | always_destination | 604 555-0199   |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appel est renvoyé vers « 604 555-0199 »

  Scénario: Le renvoi des appels agit quand l'utilisateur ne répond pas
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                 | valeur |
      | no_answer_enabled     | on     |
      | no_answer_destination | 102    |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « sans réponse »
    Alors l'appel est renvoyé vers « 102 »

  Scénario: Un poste qui n'existe pas chez le client est refusé
    Quand on règle le renvoi de la ligne ainsi :
      | champ              | valeur |
      | always_enabled     | on     |
      | always_destination | 555    |
    Alors le réglage est refusé : « forwarding.always_destination.unknown_extension » sur le champ « always_destination »
    Et aucun réglage n'est enregistré
