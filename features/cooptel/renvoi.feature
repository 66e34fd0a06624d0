# language: fr
Fonctionnalité: Le renvoi d'appel d'un poste téléphonique Cooptel
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, interface Arcade), §2 « Renvoi d'appel » et
  §9.1 « Paramétrer le poste téléphonique » (Durée de la sonnerie, Renvoi d'appel, Règle,
  Destination, Find-Me / Follow-Me).
  Lectures choisies :
  - « Lorsque l'appelant appuie sur 1 … si votre correspondant appuie sur 1 » : dans ce guide
    le correspondant est l'appelant ; l'appel est renvoyé au bout de la durée de sonnerie
    seulement s'il a appuyé sur 1 ;
  - « Le renvoi d'appel doit être désactivé pour que cette option soit enclenchée » : un
    Find-Me/Follow-Me activé en même temps que le renvoi d'appel est refusé, pour que l'agent
    ne croie pas qu'il fonctionne ;
  - le poste de destination doit être un poste du même client.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »
    Et la ligne « 101 »

  Scénario: Seulement en cas de non-réponse, l'appel est renvoyé vers un autre poste
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ        | valeur    |
      | ring_seconds | 20        |
      | enabled      | on        |
      | rule         | no_answer |
      | destination  | 102       |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « sans réponse »
    Alors l'appel est renvoyé vers « 102 »
    Et la règle appliquée est « cooptel.forwarding.no_answer »

  Scénario: Une durée de sonnerie nulle fait sonner le poste indéfiniment
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ        | valeur    |
      | ring_seconds | 0         |
      | enabled      | on        |
      | rule         | no_answer |
      | destination  | 102       |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « sans réponse »
    Alors la ligne sonne
    Et l'appel n'est pas renvoyé
    Et la règle appliquée est « cooptel.forwarding.rings_forever »

  Plan du scénario: Lorsque l'appelant appuie sur 1
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ        | valeur          |
      | ring_seconds | 20              |
      | enabled      | on              |
      | rule         | caller_confirms |
      | destination  | 514 555-0188    |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « sans réponse » et que l'appelant compose « <touches> »
    Alors <résultat>

    Exemples:
      | touches | résultat                                  |
      | 1       | l'appel est renvoyé vers « 514 555-0188 » |
      | 2       | l'appel va sur la messagerie vocale       |

  Scénario: Appeler le numéro et le poste en même temps
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ       | valeur        |
      | enabled     | on            |
      | rule        | ring_together |
      | destination | 514 555-0188  |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors « 514 555-0188 » sonnent en même temps que la ligne

  Plan du scénario: La destination est un numéro externe ou un autre poste du client
    Quand on règle le renvoi de la ligne ainsi :
      | champ       | valeur        |
      | enabled     | on            |
      | rule        | always        |
      | destination | <destination> |
    Alors le réglage est refusé : « <code> » sur le champ « destination »
    Et aucun réglage n'est enregistré

    Exemples:
      | destination | code                                     |
      | 109         | forwarding.destination.unknown_extension |
      | 101         | forwarding.destination.own_line          |
      | messagerie  | forwarding.destination.not_offered       |

  Scénario: Le Find-Me/Follow-Me ne fonctionne que si le renvoi d'appel est désactivé
    Quand on règle le renvoi de la ligne ainsi :
      | champ               | valeur       |
      | enabled             | on           |
      | rule                | always       |
      | destination         | 102          |
      | find_me_enabled     | on           |
      | find_me_destination | 514 555-0188 |
    Alors le réglage est refusé : « forwarding.find_me_enabled.exclusive » sur le champ « find_me_enabled »
    Et aucun réglage n'est enregistré

  Scénario: Le Find-Me/Follow-Me transfère l'appel au bout de la durée choisie
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ                | valeur       |
      | find_me_enabled      | on           |
      | find_me_destination  | 514 555-0188 |
      | find_me_ring_seconds | 15           |
      | find_me_screening    | on           |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « sans réponse »
    Alors l'appel est renvoyé vers « 514 555-0188 »
    Et la règle appliquée est « cooptel.forwarding.find_me »
