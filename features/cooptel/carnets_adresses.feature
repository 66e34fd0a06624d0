# language: fr
Fonctionnalité: Les carnets d'adresses du portail Arcade
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade), « Carnets
  d'adresse » : §7.1 « Visualiser vos carnets d'adresses », §7.2 « Identifier vos carnets
  d'adresses », §7.3 « Gérer vos carnets d'adresses d'entreprise » et §7.4 « Gérer les
  contacts ».
  Lectures retenues :
  - Les utilisateurs sont ceux des postes téléphoniques : une ligne qui a une adresse
    courriel (« Courriel (nom d'utilisateur) », §11). Cooptel n'a pas ici d'utilisateur ni
    de rôle à lui : la visibilité d'un carnet partagé et le propriétaire de « Mes contacts »
    sont des postes du client.
  - « Seuls les administrateurs peuvent modifier les contacts des Carnets d'adresses
    partagés » (§7.4) : l'administrateur est celui qui gère le compte, ici l'agent qui
    modifie le client ; un agent en lecture seule ne modifie rien, et les utilisateurs des
    postes ne modifient rien depuis cette console.
  - Le carnet « portant le nom de votre compte » (§7.2) n'est pas enregistré : il est
    calculé à partir des postes à chaque lecture, et ne se modifie pas.
  - « Tous les contacts » (§7.2) est la liste des contacts de tous les carnets, où la
    recherche porte sur n'importe quel champ (§7.1), nom du carnet compris.
  - Un carnet personnel s'appelle « Mes contacts » ; un carnet partagé ne peut pas
    porter le nom d'un autre carnet partagé.
  - Ajouter un même contact dans plusieurs carnets (§7.4) se fait carnet par carnet.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: Les carnets d'adresses valent pour tout le client (§7.1)
    Étant donné l'opérateur « cooptel »
    Alors il offre « address_books » pour tout le client
    Et la limite « personal_book » de « address_books » vaut True
    Et la limite « plain_digits » de « address_books » vaut True

  Scénario: Le carnet portant le nom du compte est composé de tous vos postes (§7.2)
    Alors le carnet « Fromagerie du Lac » liste « 101 Sophie Bergeron, 102 Luc Paquette, 103, 104 Luc Paquette » sans être enregistré
    Quand on ajoute une ligne au client :
      | plan      | extension | first_name | last_name | email                    |
      | extension | 105       | Julie      | Gagnon    | julie@fromageriedulac.ca |
    Alors le carnet « Fromagerie du Lac » liste « 101 Sophie Bergeron, 102 Luc Paquette, 103, 104 Luc Paquette, 105 Julie Gagnon » sans être enregistré

  Scénario: Mes contacts : chaque utilisateur peut en avoir un seul (§7.2)
    Quand on crée le carnet « Mes contacts » de l'utilisateur du poste « 102 »
    Alors le carnet d'adresses est refusé : « address_book.owner_line_id.duplicate » sur le champ « owner_line_id »
    Et le message en français est « 102 Luc Paquette a déjà son carnet personnel, « Mes contacts » : chaque utilisateur ne peut en avoir qu'un seul. »
    Et rien n'est enregistré

  Scénario: Mes contacts : il est le seul à pouvoir le voir (§7.2)
    Quand on crée le carnet « Mes contacts » de l'utilisateur du poste « 101 », visible aussi par le poste « 102 »
    Alors le carnet d'adresses est refusé : « address_book.visible_to.personal » sur le champ « visible_to »
    Quand on crée le carnet « Mes contacts » de l'utilisateur du poste « 101 »
    Alors l'utilisateur du poste « 101 » voit les carnets « Fournisseurs, Mes contacts »
    Et l'utilisateur du poste « 102 » voit les carnets « Fournisseurs, Mes contacts »
    Et le carnet « Mes contacts » de l'utilisateur du poste « 101 » n'est visible que par lui

  Scénario: Créer un nouveau carnet d'adresses partagé et définir sa visibilité (§7.3)
    Quand on crée le carnet partagé « Clients » visible par les postes « 101 »
    Alors l'utilisateur du poste « 101 » voit les carnets « Clients, Fournisseurs »
    Et l'utilisateur du poste « 102 » voit les carnets « Fournisseurs, Mes contacts »
    Et l'historique du client dit « Carnet d'adresses ajouté »
    Et l'ordre envoyé au réseau dit « Enregistré ; le téléphone l'applique après un redémarrage (jusqu'à 5 minutes). »

  Scénario: Tout utilisateur créé après le carnet d'adresses devra se faire donner accès à celui-ci (§7.3, Attention!)
    Quand on ajoute une ligne au client :
      | plan      | extension | first_name | last_name | email                    |
      | extension | 105       | Julie      | Gagnon    | julie@fromageriedulac.ca |
    Alors l'utilisateur du poste « 105 » ne voit aucun carnet
    Quand on rend le carnet « Fournisseurs » visible par les postes « 101, 102, 105 »
    Alors l'utilisateur du poste « 105 » voit les carnets « Fournisseurs »

  Scénario: Modifier le nom, puis supprimer un carnet d'adresses et ses contacts (§7.3)
    Quand on renomme le carnet « Fournisseurs » en « Fournisseurs et livreurs »
    Alors l'utilisateur du poste « 101 » voit les carnets « Fournisseurs et livreurs »
    Quand on supprime le carnet « Fournisseurs et livreurs »
    Alors l'utilisateur du poste « 101 » ne voit aucun carnet
    Et les carnets du client comptent 1 contact en tout

  Scénario: Ajouter un contact dans un carnet d'adresses spécifique, courriel facultatif (§7.4)
    Quand on ajoute au carnet « Fournisseurs » le contact « Ginette » « Roy » au numéro « 5149073400 »
    Alors le carnet « Fournisseurs » compte 3 contacts
    Et l'historique du client dit « Contact ajouté »

  Scénario: Une adresse courriel donnée doit être valide (§7.4)
    Quand on ajoute au carnet « Fournisseurs » le contact « Ginette » « Roy » au numéro « 5149073400 », courriel « ginette@ »
    Alors le contact est refusé : « address_book_contact.email.invalid » sur le champ « email »
    Et rien n'est enregistré

  Plan du scénario: Les numéros de téléphone doivent être saisis sans espace, tiret ou espace (§7.4, Note)
    Quand on ajoute au carnet « Fournisseurs » le contact « Ginette » « Roy » au numéro « <numéro> »
    Alors le contact est refusé : « address_book_contact.number.separators » sur le champ « number »
    Et le message en français est « Numéro de téléphone : saisissez-le sans espace ni tiret, par exemple 5149073400. »
    Et rien n'est enregistré

    Exemples:
      | numéro        |
      | 514 907 3400  |
      | 514-907-3400  |
      | (514)9073400  |

  Scénario: Modifier puis supprimer un contact (§7.4)
    Quand on change le numéro du contact « Marc Tremblay » en « 4185550143 »
    Alors le contact « Marc Tremblay » a le numéro « +14185550143 »
    Quand on supprime le contact « Laiterie Chagnon »
    Alors le carnet « Fournisseurs » compte 1 contact

  Scénario: Seuls les administrateurs peuvent modifier les contacts des carnets partagés (§7.4, Note)
    Quand un agent en lecture seule ajoute au carnet « Fournisseurs » le contact « Ginette » « Roy » au numéro « 5149073400 »
    Alors il est refusé avec le code « auth.role.read_only »
    Et le carnet « Fournisseurs » compte 2 contacts

  Scénario: La recherche porte sur n'importe quel champ du carnet d'adresses (§7.1)
    Quand on cherche « chagnon » dans tous les contacts
    Alors on trouve « Laiterie Chagnon »
    Quand on cherche « Mes contacts » dans tous les contacts
    Alors on trouve « Julie Gagnon »

  Scénario: L'affichage des contacts sur un téléphone (§7.5, pour comprendre l'affichage)
    Étant donné l'opérateur « cooptel »
    Alors il offre « phone_contacts » sur les forfaits « extension »
    Et la limite « favourites_extensions_only » de « phone_contacts » vaut True
    Et le téléphone du poste « 102 » affiche « 1. 101 Sophie Bergeron (favori), 2. Marc Tremblay, 3. Julie Gagnon »

  Scénario: Veillez à ce qu'il n'y ait pas de doublons dans les positions (§7.5, Attention!)
    Quand on place sur le téléphone du poste « 102 » le contact « Laiterie Chagnon » en position 2
    Alors le téléphone est refusé : « phone_contact.position.duplicate » sur le champ « position »
    Et le message en français est « La position 2 est déjà prise sur ce téléphone : il ne doit pas y avoir de doublons dans les positions. »
    Et rien n'est enregistré

  Scénario: Vous pourrez uniquement surveiller l'état des postes téléphoniques de votre entreprise (§7.5, Note)
    Quand on place sur le téléphone du poste « 102 » le contact « Laiterie Chagnon » en position 4, comme favori
    Alors le téléphone est refusé : « phone_contact.favourite.not_extension » sur le champ « favourite »
    Et rien n'est enregistré

  Scénario: Un téléphone n'affiche que les contacts des carnets que son utilisateur voit (§7.5, §7.2)
    Quand on place sur le téléphone du poste « 101 » le contact « Julie Gagnon » en position 1
    Alors le téléphone est refusé : « phone_contact.entry.unknown » sur le champ « entry »
    Et rien n'est enregistré
