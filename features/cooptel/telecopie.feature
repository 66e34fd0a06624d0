# language: fr
Fonctionnalité: Les télécopies (Efax) du portail Arcade
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade), §6 « Paramètres
  de votre Efax » : §6.1 « Gérer les paramètres de vos numéros de fax », §6.2 « Options de
  fax », §6.3 « La page de couverture » et §6.4 « Ajouter un document pdf ».
  Lectures retenues :
  - Les numéros de fax du client sont ses lignes du forfait « Numéro de fax (Efax) » ; le
    « Numéro de fax de provenance » est l'un d'eux, le « Numéro de téléphone de provenance »
    l'un des numéros du client.
  - « Vous devez remplir TOUS les champs de la page de couverture » : sujet, destinataire
    (« À »), sa compagnie, son numéro de fax, son numéro de téléphone, expéditeur (« De »),
    sa compagnie, les numéros de fax et de téléphone de provenance et les commentaires. La
    date, l'heure et le nombre de pages (page couverture incluse) sont ceux de l'envoi.
  - « Faire au maximum 1,5MB » : 1,5 Mo = 1 500 000 octets. Les formats de page sont lus
    avec une tolérance de 3 points, la rotation de la page (/Rotate) comprise.
  - « Ce courriel de confirmation ne sera envoyé que si notre équipe technique a activé
    l'option pour le numéro de fax sélectionné » : un paramètre de chaque numéro de fax,
    avec l'adresse de la confirmation.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: Les télécopies valent pour tout le client, depuis ses numéros de fax (§6.1)
    Étant donné l'opérateur « cooptel »
    Alors il offre « faxes » pour tout le client
    Et il offre « fax_numbers » sur les forfaits « efax »
    Et la limite « max_bytes » de « faxes » vaut 1500000
    Et la limite « page_sizes » de « faxes » vaut ('letter', 'a4')
    Et la limite « portrait_only » de « faxes » vaut True

  Scénario: Une télécopie remplie et jointe est envoyée (§6.3 et §6.4)
    Quand on envoie un fax depuis le « 514 907-3401 » avec un document de pages « Letter, A4 »
    Alors le fax est envoyé avec 3 pages, page couverture incluse
    Et l'historique du client dit « Télécopie envoyée »

  Plan du scénario: Vous devez remplir TOUS les champs de la page de couverture (§6.3)
    Quand on envoie un fax depuis le « 514 907-3401 » sans « <champ> »
    Alors le fax est refusé sur le champ « <champ> »
    Et rien n'est enregistré

    Exemples:
      | champ             | sur la page couverture                     |
      | subject           | Sujet                                      |
      | recipient_name    | À                                          |
      | recipient_company | Compagnie (du destinataire)                |
      | recipient_fax     | Numéro de fax du destinataire              |
      | recipient_phone   | Numéro de téléphone du destinataire        |
      | sender_name       | De                                         |
      | sender_company    | Compagnie (de provenance)                  |
      | sender_fax        | Numéro de fax de provenance                |
      | sender_phone      | Numéro de téléphone de provenance          |
      | comments          | Commentaires                               |

  Scénario: Le numéro de fax de provenance est l'un des numéros de fax du client (§6.3)
    Quand on envoie un fax depuis le « 514 907-3400 » avec un document de pages « Letter »
    Alors le fax est refusé : « fax.sender_fax.not_of_tenant » sur le champ « sender_fax »
    Et rien n'est enregistré

  Scénario: Un document de 1,5MB exactement est accepté (§6.4)
    Quand on envoie un fax depuis le « 514 907-3401 » avec un document de 1500000 octets
    Alors le fax est envoyé avec 2 pages, page couverture incluse

  Scénario: Faire au maximum 1,5MB (§6.4)
    Quand on envoie un fax depuis le « 514 907-3401 » avec un document de 1500001 octets
    Alors le fax est refusé : « fax.document.too_big » sur le champ « document »
    Et le message en français est « Le document pèse 1,5 Mo (1500001 octets) ; la limite est de 1,5 Mo (1500000 octets). »
    Et rien n'est enregistré

  Scénario: Une page en paysage est refusée et nommée (§6.4)
    Quand on envoie un fax depuis le « 514 907-3401 » avec un document de pages « Letter, A4, Letter paysage »
    Alors le fax est refusé : « fax.document.landscape » sur le champ « document »
    Et le message en français est « La page 3 est en paysage (792 × 612 pt) ; chaque page doit être au format US Letter ou A4, en portrait. »
    Et rien n'est enregistré

  Scénario: Une page au format US Legal est refusée et nommée (§6.4)
    Quand on envoie un fax depuis le « 514 907-3401 » avec un document de pages « A4, Legal »
    Alors le fax est refusé : « fax.document.page_size » sur le champ « document »
    Et le message en français est « La page 2 est au format US Legal (612 × 1008 pt) ; chaque page doit être au format US Letter ou A4, en portrait. »
    Et rien n'est enregistré

  Plan du scénario: Des pages US Letter portrait ou A4 portrait sont acceptées (§6.4)
    Quand on envoie un fax depuis le « 514 907-3401 » avec un document de pages « <pages> »
    Alors le fax est envoyé avec <total> pages, page couverture incluse

    Exemples:
      | pages             | total |
      | Letter            | 2     |
      | A4                | 2     |
      | A4, Letter, A4    | 4     |

  Scénario: Être en format .pdf, quel que soit le nom du fichier (§6.4)
    Quand on envoie un fax depuis le « 514 907-3401 » avec le fichier texte « devis.pdf »
    Alors le fax est refusé : « fax.document.not_pdf » sur le champ « document »
    Et rien n'est enregistré

  Scénario: La confirmation d'envoi par courriel quand l'option est activée pour le numéro (§6.4)
    Étant donné que l'option de confirmation par courriel du « 514 907-3401 » est activée pour « sophie@fromageriedulac.ca »
    Quand on envoie un fax depuis le « 514 907-3401 » avec un document de pages « Letter »
    Alors la confirmation d'envoi est envoyée à « sophie@fromageriedulac.ca »
    Et l'ordre envoyé au réseau dit « Télécopie envoyée ; la confirmation d'envoi a été envoyée par courriel. »

  Scénario: Pas de courriel de confirmation si l'option n'est pas activée pour le numéro (§6.4, Attention!)
    Étant donné que l'option de confirmation par courriel du « 514 907-3401 » est désactivée
    Quand on envoie un fax depuis le « 514 907-3401 » avec un document de pages « Letter »
    Alors aucune confirmation d'envoi n'est envoyée
    Et l'ordre envoyé au réseau dit « Télécopie envoyée ; aucune confirmation par courriel : l'option n'est pas activée pour ce numéro de fax. »

  Scénario: L'option de confirmation a besoin d'une adresse (§6.4)
    Quand on active l'option de confirmation par courriel du « 514 907-3401 » sans adresse
    Alors le réglage est refusé : « fax_numbers.confirmation_address.required » sur le champ « confirmation_address »
