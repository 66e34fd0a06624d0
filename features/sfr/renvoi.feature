# language: fr
Fonctionnalité: Les renvois d'appel d'une ligne utilisateur SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §6.14 « Renvois d'appel
  d'une ligne utilisateur » (les cinq types de renvoi, le tableau des destinations, les
  valeurs par défaut, les priorités), §6.7 « Signal d'appel » (interaction avec le renvoi
  sur occupation) et §4.2 « Calendriers » (renvoi programmé).
  Lectures choisies :
  - « zone Euro des pays frontaliers » ne peut pas désigner la monnaie (la Pologne, citée,
    ne l'a pas) : c'est la zone Europe de SFR, tous les pays frontaliers de la France
    métropolitaine (dont la Suisse, Monaco, Andorre), plus la Pologne et les Pays-Bas ;
  - le §5.2.1 ouvre le renvoi programmé au Forfait numéro fixe pour ligne mobile, le §6.14
    le marque « na » : le tableau du §5.2.1, plus précis, est suivi ;
  - les valeurs par défaut s'appliquent tant que rien n'a été enregistré pour la ligne ;
  - la colonne « Format » du tableau distingue les numéros courts : sans préfixe, ce sont
    des numéros courts internes (de 4 à 9 chiffres) ; les numéros courts spéciaux 10XY,
    3BPQ, 118XYZ sont « préfixés par 0 pour sortir ». Le 0 de tête est donc le préfixe de
    sortie : 03949 est le numéro spécial 3949, interdit, alors que 3949 saisi sans préfixe
    est le numéro court interne 3949 (le guide montre lui-même les numéros courts 60096 et
    60044 au §9.4). Des chiffres sans préfixe ne sont jamais lus comme un numéro national :
    123456789 reste un numéro court interne ;
  - les numéros nationaux comprennent les plages des départements et collectivités
    d'outre-mer (0590, 0594, 0596, 0262, 0269, 0639, 069X, 0508), lues avec les régions de
    phonenumbers (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte...).

  Contexte:
    Étant donné le client de démonstration « Toine Immo »
    Et la ligne « 04 83 05 01 74 »

  Scénario: Par défaut, une ligne fixe renvoie sur occupation vers la messagerie
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « occupée »
    Alors l'appel va sur la messagerie vocale
    Et la règle appliquée est « sfr.forwarding.busy »

  Scénario: Le forfait numéro fixe pour ligne mobile est renvoyé vers sa ligne mobile associée
    Étant donné la ligne « 04 83 05 01 90 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors l'appel est renvoyé vers « 06 17 30 64 73 »
    Et la règle appliquée est « sfr.forwarding.always »

  Plan du scénario: Le tableau des destinations d'un renvoi
    Quand on règle le renvoi de la ligne ainsi :
      | champ              | valeur        |
      | always_enabled     | on            |
      | always_destination | <destination> |
    Alors le réglage est refusé : « <code> » sur le champ « always_destination »
    Et aucun réglage n'est enregistré

    Exemples:
      | destination      | code                                                |
      | 08 99 12 34 56   | forwarding.always_destination.not_allowed           |
      | 03949            | forwarding.always_destination.not_allowed           |
      | 0118712          | forwarding.always_destination.not_allowed           |
      | 01014            | forwarding.always_destination.not_allowed           |
      | 112              | forwarding.always_destination.emergency_number      |
      | 0112             | forwarding.always_destination.emergency_number      |
      | 012345           | forwarding.always_destination.prefixed_short_number |
      | +351 21 123 4567 | forwarding.always_destination.outside_zone          |
      | +1 212 555 1234  | forwarding.always_destination.outside_zone          |

  Plan du scénario: Le message d'erreur dit pourquoi le numéro n'est pas autorisé
    Quand on règle le renvoi de la ligne ainsi :
      | champ              | valeur        |
      | always_enabled     | on            |
      | always_destination | <destination> |
    Alors le message en français est « <message> »

    Exemples:
      | destination    | message                                                                                                                                                  |
      | 03949          | 03949 est le numéro court spécial 3949 composé avec le préfixe de sortie 0 : il n'est pas possible de renvoyer des appels vers les numéros courts spéciaux (10XY, 3BPQ, 118XYZ). |
      | 08 00 12 34 56 | 0 800 12 34 56 est un numéro vert (08AB) : il n'est pas possible de renvoyer des appels vers des numéros spéciaux.                                        |
      | 012345         | 012345 commence par le préfixe de sortie 0 mais n'est pas un numéro national à 10 chiffres ; les numéros courts internes s'écrivent sans préfixe.        |

  Plan du scénario: Les numéros autorisés sont acceptés
    Quand on règle le renvoi de la ligne ainsi :
      | champ              | valeur        |
      | always_enabled     | on            |
      | always_destination | <destination> |
    Alors le réglage est enregistré

    Exemples:
      | destination       |
      | 04 83 05 01 73    |
      | 09 12 34 56 78    |
      | 06 12 34 56 78    |
      | +32 2 555 12 34   |
      | +48 22 123 45 67  |
      | 1234              |
      | 3949              |
      | 60096             |
      | 123456789         |
      | 0590 20 12 34     |
      | 0262 16 12 34     |
      | 0694 20 12 34     |
      | +596 596 30 12 34 |
      | messagerie        |

  Plan du scénario: Un numéro court interne n'est jamais lu comme un numéro national
    Quand on règle le renvoi de la ligne ainsi :
      | champ              | valeur   |
      | always_enabled     | on       |
      | always_destination | <saisi>  |
    Alors la destination du renvoi immédiat est <destination>

    Exemples:
      | saisi         | destination                                |
      | 123456789     | le numéro court interne « 123456789 »      |
      | 612345678     | le numéro court interne « 612345678 »      |
      | 0612345678    | le numéro « +33612345678 »                 |
      | 0590 20 12 34 | le numéro « +590590201234 »                |

  Scénario: Enregistrer à nouveau le réglage lu, sans rien changer, ne change aucune destination
    Étant donné le renvoi immédiat de la ligne réglé par l'API vers le numéro court interne « 612345678 »
    Quand on enregistre à nouveau le réglage du renvoi tel qu'il est lu
    Alors la destination du renvoi immédiat est le numéro court interne « 612345678 »

  Scénario: Onze sonneries avant renvoi sont refusées (nombre maximum : 10)
    Quand on règle le renvoi de la ligne ainsi :
      | champ                 | valeur     |
      | no_answer_enabled     | on         |
      | no_answer_destination | messagerie |
      | no_answer_rings       | 11         |
    Alors le réglage est refusé : « forwarding.no_answer_rings.out_of_range » sur le champ « no_answer_rings »
    Et aucun réglage n'est enregistré

  Scénario: Le renvoi programmé et le renvoi immédiat sont exclusifs
    Quand on règle le renvoi de la ligne ainsi :
      | champ                 | valeur       |
      | always_enabled        | on           |
      | always_destination    | messagerie   |
      | scheduled_enabled     | on           |
      | scheduled_destination | messagerie   |
      | scheduled_calendar    | JOURS OUVRES |
    Alors le réglage est refusé : « forwarding.always_enabled.exclusive » sur le champ « always_enabled »
    Et aucun réglage n'est enregistré

  Scénario: Un renvoi programmé avec un calendrier du lundi au vendredi renvoie le samedi
    Étant donné le calendrier « Semaine » ouvert « lun-ven 09:00-19:00 »
    Et le renvoi de la ligne réglé ainsi :
      | champ                 | valeur         |
      | scheduled_enabled     | on             |
      | scheduled_destination | 06 12 34 56 78 |
      | scheduled_calendar    | Semaine        |
    Quand un appel arrive le « 2026-11-28 10:00 » alors que la ligne est « libre »
    Alors l'appel est renvoyé vers « 06 12 34 56 78 »
    Et la règle appliquée est « sfr.forwarding.scheduled »

  Scénario: Pendant les heures d'ouverture, le renvoi programmé laisse sonner la ligne
    Étant donné le calendrier « Semaine » ouvert « lun-ven 09:00-19:00 »
    Et le renvoi de la ligne réglé ainsi :
      | champ                 | valeur         |
      | scheduled_enabled     | on             |
      | scheduled_destination | 06 12 34 56 78 |
      | scheduled_calendar    | Semaine        |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors la ligne sonne

  Scénario: Le renvoi immédiat prévaut sur le renvoi sur occupation
    Étant donné le renvoi de la ligne réglé ainsi :
      | champ              | valeur         |
      | always_enabled     | on             |
      | always_destination | 06 12 34 56 78 |
      | busy_enabled       | on             |
      | busy_destination   | messagerie     |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « occupée »
    Alors l'appel est renvoyé vers « 06 12 34 56 78 »

  Scénario: Avec le signal d'appel activé, l'appel sur une ligne occupée est signalé, pas renvoyé
    Étant donné le signal d'appel activé sur la ligne
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « occupée »
    Alors l'appel est signalé à l'utilisateur en ligne
    Et l'appel n'est pas renvoyé
    Et la section du guide citée est « §6.7 »
