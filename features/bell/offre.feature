# language: fr
Fonctionnalité: Les services de Bell : Liaisons SIP et Appuyer-pour-Parler
  Guides : 000_9e38ee5fe306c767.txt (Bell, portail Liaisons SIP),
  §1 « Aperçu » et §2.1 « Accès initial » (service 9-1-1 personnel, renvoi d'appel
  automatique interurbain) ; 001_bd78f33463b5f0c1.txt (Bell, outil d'administration
  pour entreprise Appuyer-pour-Parler).

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
    Et il prévoit « e911_addresses » sur les forfaits « liaisons_sip », sans l'offrir encore

  Scénario: Les groupes Appuyer-pour-Parler ne sont pas encore proposés aux agents
    Alors il prévoit « ptt_groups » pour tout le client, sans l'offrir encore

  Scénario: Bell n'offre pas de liste noire
    Alors il n'offre pas « blacklist »

  Scénario: Un numéro nord-américain à dix chiffres est enregistré au format international
    Étant donné le client de démonstration « Transports Laurentides »
    Quand on ajoute une ligne au client :
      | plan         | number         | first_name | last_name |
      | liaisons_sip | (514) 555-0150 | Lise       | Pelletier |
    Alors la ligne est enregistrée au numéro « +15145550150 »
