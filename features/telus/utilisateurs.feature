# language: fr
Fonctionnalité: Les utilisateurs TELUS et leurs postes
  Guide : 002_6093346da80557bc.txt (TELUS, portail administrateur Connexion Affaires),
  section « Utilisateurs », « Info sur l'utilisateur » (« vous pouvez modifier le poste, le
  nom, [...] l'adresse de courriel, le service ») et « Super administrateur » (« le Super
  administrateur agit comme principal administrateur du compte et ne peut être supprimé »),
  et section « Numéros de l'entreprise », « Postes directs » : « Pour attribuer un poste à un
  utilisateur : [...] Cliquez sur l'onglet Postes non attribués [...] Inscrivez les
  coordonnées d'un utilisateur : prénom, nom, service et adresse courriel [...] Cliquez sur
  Sauvegarder et activer. Le numéro migrera vers l'onglet Utilisateurs ayant un poste. »
  Les rôles (« l'un des 7 rôles prédéfinis », « Les rôles prédéfinis ne peuvent être
  modifiés ») sont dans super_administrateur.feature.
  Lectures retenues :
  - un utilisateur est une personne distincte de la ligne : il détient un poste « Utilisateur
    avec poste » ; un poste sans utilisateur est un poste non attribué ;
  - l'utilisateur du poste 101 (le Super administrateur) ne peut être supprimé et garde son
    poste ; supprimer un autre utilisateur rend son poste non attribué.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »

  Scénario: Attribuer un poste non attribué à un nouvel utilisateur
    Alors les postes non attribués sont « 100, 103 »
    Quand on inscrit l'utilisateur « Amélie » « Tremblay » du service « Accueil », courriel « amelie.tremblay@cliniquehorizon.ca », au poste « 103 »
    Alors l'utilisateur « amelie.tremblay@cliniquehorizon.ca » a le poste « 103 » et le service « Accueil »
    Et les postes non attribués sont « 100 »
    Et l'historique du client dit « Utilisateur ajouté »
    Et l'ordre envoyé au réseau dit « Sauvegardé et activé. »

  Scénario: Un poste déjà attribué ne peut l'être à un second utilisateur
    Quand on inscrit l'utilisateur « Amélie » « Tremblay » du service « Accueil », courriel « amelie.tremblay@cliniquehorizon.ca », au poste « 102 »
    Alors l'utilisateur est refusé : « user.extension.taken » sur le champ « extension »
    Et rien n'est enregistré

  Scénario: Un courriel n'est qu'à un seul utilisateur
    Quand on inscrit l'utilisateur « Nadia » « Roy » du service « Accueil », courriel « nadia.roy@cliniquehorizon.ca », au poste « 103 »
    Alors l'utilisateur est refusé : « user.email.duplicate » sur le champ « email »
    Et rien n'est enregistré

  Scénario: Une file d'attente n'est pas un poste d'utilisateur
    Quand on inscrit l'utilisateur « Amélie » « Tremblay » du service « Accueil », courriel « amelie.tremblay@cliniquehorizon.ca », au poste « 200 »
    Alors l'utilisateur est refusé : « user.extension.not_allowed » sur le champ « extension »

  Scénario: Le Super administrateur ne peut être supprimé
    Quand on supprime l'utilisateur « nadia.roy@cliniquehorizon.ca »
    Alors la suppression de l'utilisateur est refusée : « user.item.locked »
    Et le message en français est « Le poste 101 est celui du Super administrateur : « le Super administrateur agit comme principal administrateur du compte et ne peut être supprimé. Les permissions d'administrateur ne peuvent pas lui être retirées non plus. » »
    Et l'utilisateur « nadia.roy@cliniquehorizon.ca » existe encore

  Scénario: Le Super administrateur garde le poste 101
    Quand on donne le poste « 103 » à l'utilisateur « nadia.roy@cliniquehorizon.ca »
    Alors l'utilisateur est refusé : « user.extension.locked » sur le champ « extension »

  Scénario: Supprimer un autre utilisateur rend son poste non attribué
    Quand on supprime l'utilisateur « olivier.chen@cliniquehorizon.ca »
    Alors les postes non attribués sont « 100, 102, 103 »
    Et l'historique du client dit « Utilisateur supprimé »
