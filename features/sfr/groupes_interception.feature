# language: fr
Fonctionnalité: Groupes d'interception SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §4.3 « Groupes
  d'interception » : « On peut créer des groupes d'interception et y rattacher des lignes
  fixes d'un même site. Lorsqu'une ligne du groupe reçoit un appel, celui-ci peut être
  intercepté par n'importe quelle autre ligne du groupe en composant simplement la
  combinaison *98 » ; « Une ligne ne peut faire partie que d'1 seul groupe d'interception » ;
  « Nom : obligatoire et à choisir librement mais sans caractères spéciaux » ; « Site : il
  faut sélectionner le site du groupe pour pouvoir associer des membres ».
  Lecture retenue : « sans caractères spéciaux » admet les lettres (accentuées comprises),
  les chiffres et les espaces. La suppression se fait sans vérification particulière.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Créer un groupe d'interception avec des lignes fixes du site
    Quand on crée le groupe d'interception « Accueil Grasse » avec « 04 83 05 01 73, 04 83 05 01 74 »
    Alors le réglage est enregistré
    Et le groupe d'interception « Accueil Grasse » réunit « 04 83 05 01 73, 04 83 05 01 74 »

  Scénario: Une ligne ne fait partie que d'un seul groupe d'interception
    Quand on crée le groupe d'interception « Commercial » avec « 04 83 05 01 88 »
    Alors le réglage est refusé : « pickup_group.members.other_group » sur le champ « members »
    Et le message d'erreur cite « Interception RCT »

  Scénario: Le nom ne prend pas de caractères spéciaux
    Quand on crée le groupe d'interception « Accueil #2 » avec « 04 83 05 01 73 »
    Alors le réglage est refusé : « pickup_group.name.special_characters » sur le champ « name »

  Scénario: Seules les lignes fixes peuvent être membres
    Quand on crée le groupe d'interception « Mobiles » avec « 06 17 30 64 73 »
    Alors le réglage est refusé : « pickup_group.members.plan » sur le champ « members »

  Scénario: Supprimer un groupe sans vérification particulière
    Quand on supprime le groupe d'interception « Interception RCT »
    Alors le réglage est enregistré
    Et le groupe d'interception « Interception RCT » n'existe plus

  Scénario: Un appel qui sonne peut être intercepté avec *98
    Quand un appel arrive sur la ligne « 04 83 05 01 88 »
    Alors le parcours dit « *98 »
    Et le parcours dit « Interception RCT »
