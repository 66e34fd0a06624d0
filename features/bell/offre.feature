# language: fr
Fonctionnalité: Les services de Bell : Liaisons SIP et Appuyer-pour-Parler
  Guides : 000_9e38ee5fe306c767.txt (Bell, portail Liaisons SIP),
  §1 « Aperçu » et §2.1 « Accès initial » (service 9-1-1 personnel, renvoi d'appel
  automatique interurbain) ; 001_bd78f33463b5f0c1.txt (Bell, outil d'administration
  pour entreprise Appuyer-pour-Parler).
  Lecture retenue : le guide 001 décrit les contacts et les groupes d'un appareil
  Appuyer-pour-Parler, pas ce qui arrive à un appel ordinaire vers l'appareil ;
  l'explication d'un appel le dit plutôt que de faire sonner la ligne.

  Contexte:
    Étant donné l'opérateur « bell »

  Scénario: L'opérateur et ses types de ligne
    Alors il est présenté comme « Bell Canada », pays « CA », fuseau horaire « America/Toronto »
    Et ses forfaits sont :
      | forfait      | libellé                      |
      | liaisons_sip | Utilisateur Liaisons SIP     |
      | ptt          | Appareil Appuyer-pour-Parler |

  Scénario: Les options de service du portail Liaisons SIP (§2.1)
    Alors il offre « forwarding » sur les forfaits « liaisons_sip »
    Et la limite « optional » de « forwarding » vaut True
    Et il offre « e911_addresses » sur les forfaits « liaisons_sip »

  Scénario: L'outil d'administration Appuyer-pour-Parler est proposé aux agents
    Alors il offre « ptt_groups » pour tout le client
    Et la limite « contact_name_max » de « ptt_groups » vaut 30
    Et la limite « contact_number_digits » de « ptt_groups » vaut 10
    Et il offre « ptt_scanning » sur les forfaits « ptt »
    Et il offre « ptt_messaging » sur les forfaits « ptt »

  Scénario: Bell n'offre pas de liste noire
    Alors il n'offre pas « blacklist »

  Scénario: Un numéro nord-américain à dix chiffres est enregistré au format international
    Étant donné le client de démonstration « Transports Laurentides »
    Quand on ajoute une ligne au client :
      | plan         | number         | first_name | last_name |
      | liaisons_sip | (514) 555-0150 | Lise       | Pelletier |
    Alors la ligne est enregistrée au numéro « +15145550150 »

  Scénario: L'explication d'un appel à un appareil Appuyer-pour-Parler ne le fait pas sonner
    Étant donné le client de démonstration « Transports Laurentides »
    Et la ligne « 438 555-0117 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors la règle appliquée est « plan.not_modelled »
    Et le parcours dit « Appareil Appuyer-pour-Parler »
    Et aucun téléphone ne sonne
