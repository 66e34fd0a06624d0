# language: fr
Fonctionnalité: Créer ou supprimer un poste téléphonique Cooptel
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade), §11.1 « Créer un
  nouveau poste téléphonique » (« Entrer un numéro de poste que vous avez choisi [...] Cliquer
  sur un numéro de poste proposé par le système » ; « vous pouvez décider d'attribuer une
  boîte vocale au poste et/ou de le lister dans l'annuaire de l'entreprise » ; « Créer un
  nouvel utilisateur », « Attribuer à un utilisateur existant », « Gérée par
  l'administrateur » ; le courriel « ne pourra être modifiée ultérieurement ») et §11.2
  « Supprimer un poste téléphonique » (« Le message «Êtes-vous sûr de vouloir supprimer le
  poste XX» apparaitra. Il vous faudra alors cliquer sur Oui, supprimer »).
  Lectures retenues :
  - le système propose les cinq premiers postes libres à trois chiffres, sans les postes
    réservés ni ceux déjà pris ;
  - la boîte vocale et l'annuaire sont décochés tant que l'agent ne les choisit pas
    (« vous devez sélectionner l'option désirée ») ;
  - un utilisateur existant prête au poste ses prénom, nom et courriel ; un poste géré par
    l'administrateur n'a ni nom ni courriel.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: Le système propose des numéros de poste libres
    Alors le système propose les postes « 100, 105, 106, 107, 108 »

  Scénario: Créer un poste pour un nouvel utilisateur, avec boîte vocale et annuaire
    Quand on crée le poste « 105 » pour un nouvel utilisateur « Julie » « Gagnon », courriel « julie@fromageriedulac.ca », avec une boîte vocale et listé dans l'annuaire
    Alors le poste « 105 » est à « Julie Gagnon », courriel « julie@fromageriedulac.ca »
    Et le poste « 105 » a une boîte vocale et est listé dans l'annuaire

  Scénario: Un nouvel utilisateur demande son courriel
    Quand on crée le poste « 105 » pour un nouvel utilisateur « Julie » « Gagnon » sans courriel
    Alors le poste est refusé : « line.email.required » sur le champ « email »
    Et rien n'est enregistré

  Scénario: Un nouvel utilisateur ne peut être un utilisateur déjà créé
    Quand on crée le poste « 105 » pour un nouvel utilisateur « Luc » « Paquette », courriel « luc@fromageriedulac.ca »
    Alors le poste est refusé : « user.email.duplicate » sur le champ « email »
    Et rien n'est enregistré

  Scénario: Assigner le poste à un utilisateur existant
    Quand on crée le poste « 106 » pour l'utilisateur existant « sophie@fromageriedulac.ca »
    Alors le poste « 106 » est à « Sophie Bergeron », courriel « sophie@fromageriedulac.ca »
    Et le poste « 106 » n'a pas de boîte vocale et n'est pas listé dans l'annuaire

  Scénario: Un poste géré par l'administrateur
    Quand on crée le poste « 107 » géré par l'administrateur
    Alors le poste « 107 » est géré par l'administrateur

  Scénario: Un numéro de poste réservé est un poste invalide
    Quand on crée le poste « 311 » géré par l'administrateur
    Alors le poste est refusé : « line.extension.reserved » sur le champ « extension »
    Et rien n'est enregistré

  Scénario: Le courriel de l'utilisateur ne pourra être modifié ultérieurement
    Quand on change le courriel de l'utilisateur « luc@fromageriedulac.ca » en « luc.paquette@fromageriedulac.ca »
    Alors l'utilisateur est refusé : « user.email.set_once » sur le champ « email »

  Scénario: Supprimer un poste demande confirmation
    Quand l'agent clique sur « Supprimer » pour le poste « 103 »
    Alors la page demande « Êtes-vous sûr de vouloir supprimer le poste 103 ? »
    Et le poste « 103 » existe encore
    Quand l'agent confirme la suppression
    Alors le poste « 103 » n'existe plus
