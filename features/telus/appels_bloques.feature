# language: fr
Fonctionnalité: Les appels bloqués d'un utilisateur TELUS
  Guide : 002_6093346da80557bc.txt (TELUS, portail administrateur Connexion Affaires),
  section « Utilisateurs », catégorie « Filtrage, message d'accueil et attente
  musicale » : « les paramètres des appels bloqués de l'utilisateur sélectionné ».
  Lecture retenue : le guide ne nomme que le réglage ; nous le lisons comme une liste de
  numéros bloqués par utilisateur, de format libre et sans maximum.

  Contexte:
    Étant donné le client de démonstration « Clinique Horizon »

  Scénario: Les appels bloqués sont un réglage de chaque utilisateur
    Étant donné l'opérateur « telus »
    Alors il offre « blacklist » sur les forfaits « user »

  Scénario: Un appel d'un numéro bloqué par l'utilisateur n'aboutit pas
    Quand on bloque le numéro « 604 555-0199 » sur la ligne « 604 555-0101 »
    Et l'appelant « 604 555-0199 » appelle la ligne « 604 555-0101 »
    Alors l'appel est rejeté par le numéro bloqué « +16045550199 »
    Quand l'appelant « 604 555-0199 » appelle la ligne « 604 555-0102 »
    Alors l'appel n'est pas rejeté par un numéro bloqué
