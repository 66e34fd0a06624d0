# language: fr
Fonctionnalité: La liste d'appels TELUS, son envoi par courriel, et l'apparence du portail
  Guide : 002_6093346da80557bc.txt (TELUS, Connexion Affaires), section « Liste d’appels »
  du Portail administrateur : « La Liste d’appels fournit des rapports sur les télécopies
  et les appels entrants et sortants pour le numéro de l’entreprise et les postes
  spécifiés. Sélectionnez la période, le type d’appel (entrant ou sortant), les appels
  bloqués ou les appels enregistrés. Vous pouvez faire en sorte que la Liste d’appels soit
  envoyée à une adresse de courriel chaque jour, chaque semaine ou chaque mois à un jour
  précis. Dans la colonne Type, vous verrez des icônes pour les types d’appel suivants :
  Appel entrant, Appel sortant, Appel manqué ».

  Et section « Outils » (Apparence) : « ajoutez le logo de votre entreprise ...
  établissez le lien entre le logo de votre entreprise et son site web » ; « Cliquez sur
  Parcourir ... Cliquez sur Joindre. Entrez l'adresse URL qui sera ouverte lorsqu'un
  utilisateur cliquera sur votre image. Cliquez sur Soumettre. Allez voir votre logo dans
  le coin supérieur droit de votre compte en ligne ».

  Lectures retenues :
  - Les appels viennent du réseau de l'opérateur (son bac à sable ici), jamais d'un
    formulaire ; la période est faite des dates du client (fuseau du client), bornes
    comprises.
  - « Les appels bloqués ou les appels enregistrés » : on sélectionne seulement ceux-là,
    ou tous sauf ceux-là. Un appel bloqué n'a pas de durée et n'est pas enregistré.
  - L'envoi « à un jour précis » : un jour de la semaine pour chaque semaine, un jour du
    mois (le dernier jour dans un mois plus court) pour chaque mois. Le courriel porte la
    liste de la période écoulée (la veille, les 7 jours, le mois précédent) en CSV.
  - Apparence : le guide ne donne aucune limite au logo. Celles-ci sont les nôtres : une
    image PNG, JPEG ou GIF (lue dans son contenu), d'au plus 512 000 octets et 1000 pixels
    de côté ; l'adresse URL commence par http:// ou https://. Le logo s'affiche dans le
    coin supérieur droit des pages du client, et un clic ouvre l'adresse.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »
    Et le réseau a acheminé les appels :
      | date       | heure | type      | correspondant | numéro       | poste | durée | bloqué | enregistré |
      | 2026-06-01 | 09:05 | entrant   | 514 555-0123  | 604 555-0101 | 101   | 180   | non    | oui        |
      | 2026-06-01 | 10:30 | sortant   | 416 555-0199  | 604 555-0102 | 102   | 60    | non    | non        |
      | 2026-06-01 | 11:00 | manqué    | 613 555-0111  | 604 555-0101 | 101   | 0     | non    | non        |
      | 2026-06-02 | 08:45 | entrant   |               | 604 555-0101 | 101   | 30    | oui    | non        |
      | 2026-06-02 | 14:10 | télécopie | 514 555-0177  | 604 555-0101 | 101   | 45    | non    | non        |

  Scénario: La liste d'appels vaut pour toute l'entreprise (section « Liste d’appels »)
    Étant donné l'opérateur « telus »
    Alors il offre « call_log » pour tout le client
    Et la limite « faxes » de « call_log » vaut True
    Et la limite « filters » de « call_log » vaut ('period', 'call_type', 'blocked', 'recorded')
    Et la limite « email_frequencies » de « call_log » vaut ('daily', 'weekly', 'monthly')

  Scénario: Rapports sur les télécopies et les appels entrants et sortants d'une période (section « Liste d’appels »)
    Quand on consulte la liste d'appels du « 2026-06-01 » au « 2026-06-02 »
    Alors la liste d'appels montre :
      | date et heure    | type          | poste | bloqué | enregistré |
      | 2026-06-01 09:05 | Appel entrant | 101   | non    | oui        |
      | 2026-06-01 10:30 | Appel sortant | 102   | non    | non        |
      | 2026-06-01 11:00 | Appel manqué  | 101   | non    | non        |
      | 2026-06-02 08:45 | Appel entrant | 101   | oui    | non        |
      | 2026-06-02 14:10 | Télécopie     | 101   | non    | non        |

  Scénario: Sélectionner la période (section « Liste d’appels »)
    Quand on consulte la liste d'appels du « 2026-06-02 » au « 2026-06-02 »
    Alors la liste d'appels montre :
      | date et heure    | type          | poste | bloqué | enregistré |
      | 2026-06-02 08:45 | Appel entrant | 101   | oui    | non        |
      | 2026-06-02 14:10 | Télécopie     | 101   | non    | non        |

  Scénario: Sélectionner le type d'appel, dans la colonne Type (section « Liste d’appels »)
    Quand on consulte la liste d'appels du « 2026-06-01 » au « 2026-06-02 », type « manqué »
    Alors la liste d'appels montre :
      | date et heure    | type         | poste | bloqué | enregistré |
      | 2026-06-01 11:00 | Appel manqué | 101   | non    | non        |

  Scénario: Sélectionner les appels bloqués (section « Liste d’appels »)
    Quand on consulte la liste d'appels du « 2026-06-01 » au « 2026-06-02 », appels bloqués « seulement »
    Alors la liste d'appels montre :
      | date et heure    | type          | poste | bloqué | enregistré |
      | 2026-06-02 08:45 | Appel entrant | 101   | oui    | non        |

  Scénario: Sélectionner les appels enregistrés (section « Liste d’appels »)
    Quand on consulte la liste d'appels du « 2026-06-01 » au « 2026-06-02 », appels enregistrés « seulement »
    Alors la liste d'appels montre :
      | date et heure    | type          | poste | bloqué | enregistré |
      | 2026-06-01 09:05 | Appel entrant | 101   | non    | oui        |

  Scénario: Une période qui finit avant de commencer est refusée (section « Liste d’appels »)
    Quand on consulte la liste d'appels du « 2026-06-02 » au « 2026-06-01 »
    Alors la sélection est refusée : « call_log.until.invalid » sur le champ « until »

  Scénario: Envoyer la liste d'appels chaque semaine à un jour précis (section « Liste d’appels »)
    Quand on programme l'envoi de la liste d'appels chaque semaine à « compta@cliniquehorizon.ca », le mercredi
    Et la tâche d'envoi passe le « 2026-06-03 »
    Alors un courriel part à « compta@cliniquehorizon.ca » avec la pièce jointe « call-log-2026-05-27-2026-06-02.csv »
    Et la pièce jointe compte 5 appels

  Scénario: Envoyer la liste d'appels chaque jour (section « Liste d’appels »)
    Quand on programme l'envoi de la liste d'appels chaque jour à « compta@cliniquehorizon.ca »
    Et la tâche d'envoi passe le « 2026-06-02 »
    Alors un courriel part à « compta@cliniquehorizon.ca » avec la pièce jointe « call-log-2026-06-01-2026-06-01.csv »
    Et la pièce jointe compte 3 appels

  Scénario: Chaque mois, l'envoi demande son jour (section « Liste d’appels »)
    Quand on programme l'envoi de la liste d'appels chaque mois à « compta@cliniquehorizon.ca »
    Alors l'envoi est refusé : « call_log_email.month_day.required » sur le champ « month_day »

  Scénario: Ajouter le logo de l'entreprise et le lien vers son site web (section « Outils », Apparence)
    Quand on joint une image PNG de 300 × 100 pixels et l'adresse URL « https://cliniquehorizon.ca »
    Alors le logo s'affiche dans le coin supérieur droit et ouvre « https://cliniquehorizon.ca »
    Et l'historique du client dit « Apparence réglée »

  Scénario: Une image trop grande est refusée (section « Outils », Apparence)
    Quand on joint une image PNG de 1001 × 100 pixels et l'adresse URL « https://cliniquehorizon.ca »
    Alors l'apparence est refusée : « appearance.logo.too_wide » sur le champ « logo »

  Scénario: Une image d'un autre format est refusée (section « Outils », Apparence)
    Quand on joint une image BMP de 300 × 100 pixels et l'adresse URL « https://cliniquehorizon.ca »
    Alors l'apparence est refusée : « appearance.logo.format » sur le champ « logo »

  Scénario: L'adresse URL ouverte par le logo est une adresse web (section « Outils », Apparence)
    Quand on entre l'adresse URL « javascript:alert(1) »
    Alors l'apparence est refusée : « appearance.link_url.invalid » sur le champ « link_url »
