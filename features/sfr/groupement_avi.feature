# language: fr
Fonctionnalité: Ce qui répond aux appels d'un groupement d'appels ou d'un accueil vocal SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §3.4.1 « Forfait
  Groupement d'appels » (« Présentation de l'appel entrant selon la règle de distribution
  d'appel définie par le gestionnaire, à des lignes déclarées membres du groupement et
  connectées », puis la file d'attente et le débordement) et §3.5 « Forfait Accueil Vocal
  Interactif » (message d'accueil et menu à deux niveaux).
  Lecture retenue : ni un groupement ni un accueil vocal n'est le téléphone d'une personne ;
  les membres et la distribution d'un groupement sont décrits dans groupement.feature, les
  menus ne sont pas encore modélisés, et l'explication d'un appel le dit au lieu de faire
  sonner la ligne.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Un appel au groupement d'appels est distribué à ses membres (§3.4.1)
    Étant donné la ligne « 04 83 05 01 75 »
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors la règle appliquée est « sfr.hunt_group.distribution.linear »
    Et la section du guide citée est « §7.2 »
    Et aucun téléphone ne sonne

  Scénario: Un appel à l'accueil vocal interactif entend son menu (§3.5)
    Quand on ajoute une ligne au client :
      | plan | number         | site       | first_name     |
      | avi  | 04 83 05 01 76 | Toine Immo | Accueil vocal  |
    Et un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors la règle appliquée est « plan.menu »
    Et le parcours dit « menu vocal »
    Et aucun téléphone ne sonne
