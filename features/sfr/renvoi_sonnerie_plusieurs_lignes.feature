# language: fr
Fonctionnalité: La sonnerie sur plusieurs lignes SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §6.9 « Sonnerie sur
  plusieurs lignes » : jusqu'à 5 lignes en plus de celle de l'utilisateur, saisies au
  format international préfixé par un « + », en mode séquentiel ou simultané, soumises
  aux mêmes règles que les renvois d'appel (§6.14).

  Contexte:
    Étant donné le client de démonstration « Toine Immo »
    Et la ligne « 04 83 05 01 74 »

  Scénario: Les lignes paramétrées sonnent en même temps que la ligne de l'utilisateur
    Étant donné la sonnerie sur plusieurs lignes réglée ainsi :
      | champ   | valeur                         |
      | enabled | on                             |
      | mode    | simultaneous                   |
      | numbers | +33 6 12 34 56 78, +32 2 555 12 34 |
    Quand un appel arrive le « 2026-11-23 10:00 » alors que la ligne est « libre »
    Alors « +33 6 12 34 56 78, +32 2 555 12 34 » sonnent en même temps que la ligne

  Scénario: Une 6e ligne est refusée
    Quand on règle la sonnerie sur plusieurs lignes ainsi :
      | champ   | valeur                                                                        |
      | enabled | on                                                                            |
      | numbers | +33612345670, +33612345671, +33612345672, +33612345673, +33612345674, +33612345675 |
    Alors le réglage est refusé : « multi_line_ring.numbers.too_many » sur le champ « numbers »
    Et aucun réglage n'est enregistré

  Plan du scénario: Les numéros suivent le format international et le tableau des renvois
    Quand on règle la sonnerie sur plusieurs lignes ainsi :
      | champ   | valeur   |
      | enabled | on       |
      | numbers | <numéro> |
    Alors le réglage est refusé : « <code> » sur le champ « numbers »
    Et aucun réglage n'est enregistré

    Exemples:
      | numéro            | code                                      |
      | 06 12 34 56 78    | multi_line_ring.numbers.invalid_format  |
      | +33 8 99 12 34 56 | multi_line_ring.numbers.not_allowed        |
      | +1 212 555 1234   | multi_line_ring.numbers.outside_zone          |
