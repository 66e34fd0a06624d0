# language: fr
Fonctionnalité: Les utilisateurs du service Liaisons SIP de Bell et leurs options
  Guide : 000_9e38ee5fe306c767.txt (Bell, portail Liaisons SIP de l'utilisateur final),
  §2.1 « Accès initial » (« vous avez besoin d'un numéro de téléphone et d'un mot de passe
  qui vous ont été fournis par l'administrateur de votre entreprise. Selon les besoins de
  notre entreprise, il se peut qu'on vous ait attribué une ou plusieurs des fonctions
  suivantes du service Liaisons SIP : Service 9-1-1 personnel [...] Renvoi d'appel
  automatique interurbain ») et §3.3.1 « Détails sur l'utilisateur » (« Permet d'afficher
  et de modifier vos renseignements actuels »), §4.2 « Exigences des utilisateurs ».
  Lectures retenues :
  - le guide décrit le portail de l'utilisateur final : un utilisateur Liaisons SIP est un
    numéro de téléphone (son identifiant) avec ses détails (prénom, nom, courriel) ; l'agent
    le crée comme une ligne « Utilisateur Liaisons SIP », le modifie et le supprime ;
  - ses options : le Service 9-1-1 personnel (adresses_911.feature) et le renvoi d'appel
    automatique interurbain, optionnel, attribué utilisateur par utilisateur
    (« Renvoi d'appel automatique interurbain (fonction de service Liaisons SIP
    optionnelle) » ; renvoi.feature, « Sans l'option, la ligne ne peut pas renvoyer ses
    appels ») ;
  - le mot de passe du portail n'est pas géré ici (le guide le laisse à l'utilisateur,
    §3.3.2) ; le guide ne montre ni service ni poste.

  Contexte:
    Étant donné le client de démonstration « Transports Laurentides »

  Scénario: Les options de service attribuées aux utilisateurs Liaisons SIP
    Étant donné l'opérateur « bell »
    Alors il offre « e911_addresses » sur les forfaits « liaisons_sip »
    Et il offre « forwarding » sur les forfaits « liaisons_sip »
    Et la limite « optional » de « forwarding » vaut True

  Scénario: Créer un utilisateur avec le numéro fourni par l'administrateur
    Quand on ajoute une ligne au client :
      | plan         | number       | first_name | last_name | email                  |
      | liaisons_sip | 514 555-0150 | Annie      | Lavoie    | annie@transportslaurentides.ca   |
    Alors la ligne est enregistrée au numéro « +15145550150 »

  Scénario: Sans numéro de téléphone, pas d'utilisateur Liaisons SIP
    Quand on ajoute une ligne au client :
      | plan         | first_name | last_name |
      | liaisons_sip | Annie      | Lavoie    |
    Alors la ligne est refusée : « line.number.required » sur le champ « number »
    Et rien n'est enregistré

  Scénario: Les détails sur l'utilisateur se modifient
    Quand on modifie la ligne « 514 555-0142 » ainsi :
      | champ | valeur                  |
      | email | julie.b@transportslaurentides.ca  |
    Alors la ligne est enregistrée au numéro « +15145550142 »

  Scénario: Supprimer un utilisateur Liaisons SIP
    Quand on supprime la ligne « 514 555-0143 »
    Alors la ligne « 514 555-0143 » n'existe plus
