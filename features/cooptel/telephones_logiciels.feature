# language: fr
Fonctionnalité: Ajouter un téléphone logiciel à un poste
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade), §13 « Ajouter un
  téléphone logiciel » : « Une fenêtre s'ouvrira alors avec les informations du compte
  SIP » : « Nom d'utilisateur SIP », « Serveur (aussi appelé Domaine) fournis par
  Cooptel », « Mot de passe fournis par Cooptel également ».
  Lectures retenues :
  - Un téléphone logiciel s'ajoute à un poste ; chacun a son propre compte SIP (« il
    faudra créer autant de comptes SIP que de téléphones logiciels »).
  - Les frais (« 30$ par poste ... pour le téléchargement de la licence », « 3$/mois pour
    l'utilisation du UC Desktop ») sont cités à titre d'information, jamais facturés.
  - Le guide ne donne pas le nom du serveur : le bac à sable utilise sip.cooptel.qc.ca.
  - Le mot de passe n'apparaît ni dans l'historique ni dans l'ordre envoyé au réseau.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: Les téléphones logiciels s'ajoutent aux postes, avec le serveur de Cooptel (§13)
    Étant donné l'opérateur « cooptel »
    Alors il offre « softphones » sur les forfaits « extension »
    Et la limite « server » de « softphones » vaut sip.cooptel.qc.ca

  Scénario: Ajouter un téléphone logiciel donne les informations du compte SIP (§13)
    Quand on ajoute au poste « 101 » le téléphone logiciel « UC Desktop de Sophie »
    Alors le poste « 101 » a 1 téléphone logiciel
    Et le téléphone logiciel « UC Desktop de Sophie » a un nom d'utilisateur SIP, le serveur « sip.cooptel.qc.ca » et un mot de passe
    Et l'historique du client dit « Téléphone logiciel ajouté »
    Et l'ordre envoyé au réseau dit « Compte SIP créé : entrez son nom d'utilisateur, son serveur et son mot de passe dans les paramètres de compte SIP du téléphone logiciel. »
    Et le mot de passe du téléphone logiciel « UC Desktop de Sophie » n'est ni dans l'historique ni dans l'ordre

  Scénario: Autant de comptes SIP que de téléphones logiciels (§13, Attention)
    Quand on ajoute au poste « 101 » le téléphone logiciel « UC Desktop de Sophie »
    Et on ajoute au poste « 101 » le téléphone logiciel « Portable de Sophie »
    Alors le poste « 101 » a 2 téléphones logiciels
    Et les téléphones logiciels du poste « 101 » ont chacun leur nom d'utilisateur et leur mot de passe

  Scénario: Les frais sont cités à titre d'information (§13)
    Alors le bloc des téléphones logiciels du poste « 101 » dit « Frais, à titre d'information (non facturés ici) : 30 $ par poste pour le téléchargement de la licence; puis 3 $/mois pour l'utilisation du UC Desktop »

  Scénario: Un poste avec un téléphone logiciel est connecté (§13, §15)
    Quand on ajoute au poste « 103 » le téléphone logiciel « UC Desktop de l'administrateur »
    Alors l'état du poste « 103 » est « Disponible »
    Quand on supprime le téléphone logiciel « UC Desktop de l'administrateur » du poste « 103 »
    Alors le poste « 103 » a 0 téléphone logiciel
    Et l'état du poste « 103 » est « Déconnecté »
    Et l'historique du client dit « Téléphone logiciel supprimé »

  Scénario: Le nom d'un téléphone logiciel a au plus 120 caractères (§13)
    Quand on ajoute au poste « 101 » un téléphone logiciel au nom de 121 caractères
    Alors le téléphone logiciel est refusé sur le champ « name »
    Et rien n'est enregistré

  Scénario: Un numéro de fax n'a pas de téléphone logiciel (§13)
    Alors le numéro « 514 907-3401 » n'offre pas de téléphone logiciel

  Scénario: Luc a un téléphone logiciel dans les données de démonstration (§13)
    Alors le poste « 102 » a 1 téléphone logiciel
    Et l'état du poste « 102 » est « Disponible »

  Scénario: La page et l'API du poste montrent ses téléphones logiciels (§13)
    Alors la page du poste « 102 » montre « Téléphones logiciels »
    Et la page du poste « 102 » montre « UC Desktop, portable de Luc »
    Et l'API liste au poste « 102 » le téléphone logiciel « UC Desktop, portable de Luc » au serveur « sip.cooptel.qc.ca »
