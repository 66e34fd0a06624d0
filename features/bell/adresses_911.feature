# language: fr
Fonctionnalité: Les adresses 9-1-1 personnelles de Bell
  Guide : 000_9e38ee5fe306c767.txt (Bell, portail Liaisons SIP), §3 « Configuration
  d'adresses 9-1-1 personnelles » : §3.1 « Aperçu du service 9-1-1 personnel », §3.2 « Ajout
  d'adresses 9-1-1 personnelles », §3.3.3 « Liste des adresses 9-1-1 » ; §2.1 « Accès
  initial » (le service 9-1-1 personnel, option attribuée à un utilisateur).
  Lectures choisies :
  - le §2.1 attribue le service à un utilisateur et le §3.2 associe l'adresse à « votre numéro
    de téléphone » : les adresses sont celles d'une ligne Liaisons SIP ;
  - la province est l'une des dix provinces et des trois territoires du Canada (ISO 3166-2:CA) ;
    une latitude est comprise entre -90 et 90 degrés, une longitude entre -180 et 180, et l'une
    ne va pas sans l'autre ;
  - « Hors du Canada » remplace l'adresse actuelle tant qu'il est choisi ; le désélectionner
    rend l'adresse actuelle enregistrée ; pendant ce temps aucune adresse n'est « actuelle » ;
  - « Une fois la première adresse ajoutée, elle est automatiquement sélectionnée » : même
    lorsque « Hors du Canada » était choisi.

  Contexte:
    Étant donné le client de démonstration « Transports Laurentides »
    Et la ligne « 514 555-0143 »

  Scénario: Au départ, aucune adresse par défaut n'est associée au numéro (§3.2)
    Alors la ligne n'a aucune adresse 9-1-1
    Quand la ligne compose le « 9-1-1 »
    Alors la règle appliquée est « e911.current_address »
    Et le parcours dit « sans l'aide de l'appelant »
    Et la section du guide citée est « §3 »

  Scénario: La première adresse ajoutée est automatiquement sélectionnée et enregistrée (§3.2)
    Quand on ajoute l'adresse 9-1-1 :
      | champ           | valeur      |
      | province        | CA-QC       |
      | municipality    | Montréal    |
      | building_number | 1050        |
      | street_name     | Beaver Hall |
    Alors le réglage est enregistré
    Et l'adresse actuelle est « 1050 Beaver Hall, Montréal, Québec »

  Plan du scénario: La province, la municipalité, le numéro de l'immeuble et le nom de la rue sont obligatoires (§3.2)
    Quand on ajoute une adresse 9-1-1 à Montréal sans le champ « <champ> »
    Alors le réglage est refusé : « e911_address.<champ>.invalid » sur le champ « <champ> »
    Et aucun réglage n'est enregistré

    Exemples:
      | champ           |
      | province        |
      | municipality    |
      | building_number |
      | street_name     |

  Scénario: Le suffixe de rue, la direction de rue, l'appartement, la longitude et la latitude sont facultatifs (§3.2)
    Quand on ajoute l'adresse 9-1-1 :
      | champ            | valeur       |
      | province         | CA-QC        |
      | municipality     | Montréal     |
      | building_number  | 1050         |
      | street_name      | Beaver Hall  |
      | street_suffix    | Côte         |
      | street_direction | Ouest        |
      | apartment        | 400          |
      | latitude         | 45.5017      |
      | longitude        | -73.5673     |
    Alors le réglage est enregistré
    Et l'adresse actuelle est « 1050 Beaver Hall Côte Ouest, app. 400, Montréal, Québec, (45.5017, -73.5673) »

  Scénario: La province est une province ou un territoire du Canada (§3.2)
    Quand on ajoute une adresse 9-1-1 à Montréal dans la province « FR-75 »
    Alors le réglage est refusé : « e911_address.province.invalid » sur le champ « province »
    Et aucun réglage n'est enregistré
    Quand on ajoute une adresse 9-1-1 à Montréal dans la province « CA-YT »
    Alors le réglage est enregistré

  Plan du scénario: Une latitude doit être une latitude, une longitude une longitude (§3.2)
    Quand on ajoute une adresse 9-1-1 à Montréal à la latitude « <latitude> » et à la longitude « <longitude> »
    Alors <résultat>

    Exemples:
      | latitude | longitude | résultat                                                                                |
      | 90       | -180      | le réglage est enregistré                                                               |
      | -90      | 180       | le réglage est enregistré                                                               |
      | 90.1     | 0         | le réglage est refusé : « e911_address.latitude.invalid » sur le champ « latitude »      |
      | -90.1    | 0         | le réglage est refusé : « e911_address.latitude.invalid » sur le champ « latitude »      |
      | 0        | 180.1     | le réglage est refusé : « e911_address.longitude.invalid » sur le champ « longitude »    |
      | 0        | -180.1    | le réglage est refusé : « e911_address.longitude.invalid » sur le champ « longitude »    |
      | 45.5     |           | le réglage est refusé : « e911_address.longitude.invalid » sur le champ « longitude »    |
      | nord     | 0         | le réglage est refusé : « e911_address.latitude.invalid » sur le champ « latitude »      |

  Scénario: « Hors du Canada » est toujours offert, même sans adresse (§3.2)
    Quand on sélectionne « Hors du Canada » comme emplacement actuel
    Alors le réglage est enregistré
    Et l'adresse actuelle est « Hors du Canada »
    Quand la ligne compose le « 911 »
    Alors le parcours dit « Hors du Canada »
    Et le parcours dit « aucune adresse n'est transmise »

  Scénario: Sélectionner n'importe quelle adresse enregistrée comme adresse actuelle (§3.2)
    Étant donné l'adresse 9-1-1 « 1050 » « Beaver Hall » à « Montréal » (« CA-QC »)
    Et l'adresse 9-1-1 « 2250 » « des Laurentides » à « Laval » (« CA-QC »)
    Alors l'adresse actuelle est « 1050 Beaver Hall, Montréal, Québec »
    Quand on sélectionne l'adresse « 2250 des Laurentides » comme adresse actuelle
    Alors le réglage est enregistré
    Et l'adresse actuelle est « 2250 des Laurentides, Laval, Québec »
    Quand on sélectionne « Hors du Canada » comme emplacement actuel
    Alors l'adresse actuelle est « Hors du Canada »
    Quand on désélectionne « Hors du Canada »
    Alors l'adresse actuelle est « 2250 des Laurentides, Laval, Québec »

  Scénario: Les adresses peuvent être modifiées à l'aide de l'icône de crayon (§3.3.3)
    Étant donné l'adresse 9-1-1 « 1050 » « Beaver Hall » à « Montréal » (« CA-QC »)
    Quand on modifie l'adresse « 1050 Beaver Hall » ainsi :
      | champ     | valeur |
      | apartment | 400    |
    Alors le réglage est enregistré
    Et l'adresse actuelle est « 1050 Beaver Hall, app. 400, Montréal, Québec »

  Scénario: L'adresse actuelle ne peut pas être supprimée (§3.3.3)
    Étant donné l'adresse 9-1-1 « 1050 » « Beaver Hall » à « Montréal » (« CA-QC »)
    Et l'adresse 9-1-1 « 2250 » « des Laurentides » à « Laval » (« CA-QC »)
    Quand on supprime l'adresse « 1050 Beaver Hall »
    Alors le réglage est refusé : « e911_address.id.current » sur le champ « id »
    Et aucun réglage n'est enregistré
    Et le bouton Supprimer de l'adresse « 1050 Beaver Hall » est désactivé
    Quand on supprime l'adresse « 2250 des Laurentides »
    Alors le réglage est enregistré
    Et la ligne a 1 adresse 9-1-1

  Scénario: L'explication d'un appel au 9-1-1 nomme l'adresse actuelle transmise (§3.1, §3.3.3)
    Étant donné l'adresse 9-1-1 « 1050 » « Beaver Hall » à « Montréal » (« CA-QC »)
    Quand la ligne compose le « 911 »
    Alors la règle appliquée est « e911.current_address »
    Et le parcours dit « 1050 Beaver Hall, Montréal, Québec »
    Et la section du guide citée est « §3 »

  Scénario: La page de la ligne montre l'adresse actuelle d'un coup d'œil (§3.3.3)
    Étant donné l'adresse 9-1-1 « 1050 » « Beaver Hall » à « Montréal » (« CA-QC »)
    Quand l'agent ouvre la page de la ligne « 514 555-0143 »
    Alors la page affiche « Adresse transmise lors d'un appel au 9-1-1 »
    Et la page affiche « 1050 Beaver Hall, Montréal, Québec »
