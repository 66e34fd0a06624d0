# language: fr
Fonctionnalité: Le super administrateur et les rôles des utilisateurs TELUS
  Guide : 002_6093346da80557bc.txt (TELUS, portail administrateur Connexion Affaires),
  section « Utilisateurs », « Info sur l'utilisateur », « Super administrateur » (« Par
  défaut, ce rôle est attribué au poste 101 [...] Vous pouvez attribuer ce poste à n'importe
  quel utilisateur de votre compte [...] le Super administrateur agit comme principal
  administrateur du compte et ne peut être supprimé. Les permissions d'administrateur ne
  peuvent pas lui être retirées non plus. ») et section « Gérer les rôles et les
  autorisations » (« l'un des 7 rôles prédéfinis »).
  Lectures retenues :
  - chaque utilisateur a l'un des 7 rôles prédéfinis ; le super administrateur est
    l'utilisateur du poste 101 : attribuer ce poste à un autre utilisateur (changer le nom
    ou le courriel de la ligne 101) lui transmet le titre ;
  - ne pas pouvoir lui retirer les permissions d'administrateur : son rôle reste « Super
    administrateur », et sa ligne garde le poste 101 et le type « Utilisateur avec poste » ;
  - « Un utilisateur de votre compte aura le titre » : aucun autre utilisateur ne prend ce
    rôle.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »

  Scénario: Le super administrateur du poste 101 ne peut être supprimé
    Quand on supprime la ligne « 101 »
    Alors la suppression est refusée : « line.item.locked »
    Et le message en français est « Le poste 101 est celui du Super administrateur : « le Super administrateur agit comme principal administrateur du compte et ne peut être supprimé. Les permissions d'administrateur ne peuvent pas lui être retirées non plus. » »
    Et rien n'est enregistré

  Scénario: Par l'API non plus, le super administrateur ne peut être supprimé
    Quand on supprime par l'API la ligne « 101 »
    Alors l'API refuse la suppression : « line.item.locked »

  Scénario: Les permissions d'administrateur ne peuvent pas lui être retirées
    Alors la ligne « 101 » a le rôle « Super administrateur »
    Quand on donne le rôle « Standard » à la ligne « 101 »
    Alors le réglage est refusé : « line.role.locked » sur le champ « role »
    Et rien n'est enregistré

  Scénario: La ligne du super administrateur garde le poste 101
    Quand on modifie la ligne « 101 » ainsi :
      | champ     | valeur |
      | extension | 105    |
    Alors la ligne est refusée : « line.extension.locked » sur le champ « extension »
    Et rien n'est enregistré

  Scénario: Un autre utilisateur reçoit l'un des rôles prédéfinis, et peut être supprimé
    Quand on donne le rôle « Gestionnaire » à la ligne « 102 »
    Alors la ligne « 102 » a le rôle « Gestionnaire »
    Quand on supprime la ligne « 102 »
    Alors la ligne « 102 » n'existe plus

  Scénario: Aucun autre utilisateur ne prend le rôle de super administrateur
    Quand on donne le rôle « Super administrateur » à la ligne « 102 »
    Alors le réglage est refusé : « line.role.not_allowed » sur le champ « role »
    Et rien n'est enregistré
