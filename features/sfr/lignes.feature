# language: fr
Fonctionnalité: Ce que prend une ligne SFR selon son forfait
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §3.1.1 « Forfait Fixe »
  (« L'utilisateur dispose obligatoirement d'une @mail unique et fonctionnelle », « un
  numéro fixe géographique dont la zone (ZNE) correspond à celle de l'adresse du site »),
  §3.2.1 et §3.2.2 « Forfait numéro fixe pour ligne mobile » (« la ligne mobile doit être
  souscrite pour la même raison sociale »), §5.2.1 « Ligne mobile avec option PABX » et
  §9.4 « Association ligne fixe / mobile » (« la liste des numéros mobiles de
  l'entreprise »).
  Lectures retenues :
  - l'@mail est unique parmi les lignes du client, sans tenir compte des majuscules ;
  - le numéro associé d'une ligne fixe ou d'une ligne numéro fixe est celui d'une « Ligne
    mobile avec option PABX » du même client ;
  - une ligne mobile prend un numéro mobile (06, 07), une ligne fixe, numéro fixe ou
    analogique un numéro géographique (01 à 05) ;
  - la correspondance de la zone (ZNE) du numéro avec l'adresse du site n'est pas
    vérifiée : la ZNE d'une adresse est la table des communes par zone de l'ARCEP, que ni
    le guide ni phonenumbers ne donnent (phonenumbers ne nomme que la ville principale de
    la zone d'un numéro, Grasse pour 04 83 05 01 73, qu'un site d'une autre commune de la
    même zone ne porterait pas).

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Deux lignes du client ne partagent pas la même @mail (§3.1.1)
    Quand on ajoute une ligne au client :
      | plan | number         | site       | first_name | last_name | email                        |
      | fixe | 04 83 05 01 99 | Toine Immo | Julie      | Bertrand  | TOINEIMMO-stephane@gmail.com |
    Alors la ligne est refusée : « line.email.duplicate » sur le champ « email »
    Et rien n'est enregistré

  Scénario: Changer l'@mail d'une ligne pour celle d'une autre ligne est refusé (§3.1.1)
    Quand on modifie la ligne « 04 83 05 01 88 » ainsi :
      | champ | valeur                       |
      | email | toineimmo-stephane@gmail.com |
    Alors la ligne est refusée : « line.email.duplicate » sur le champ « email »
    Et rien n'est enregistré

  Plan du scénario: Le numéro associé d'une ligne numéro fixe est une ligne mobile du client (§3.2.2, §9.4)
    Quand on ajoute une ligne au client :
      | plan        | number         | site       | first_name | last_name | email                     | associated_number |
      | fixe_mobile | 04 83 05 01 91 | Toine Immo | Paul       | Martin    | toineimmo+paul@gmail.com  | <associé>         |
    Alors la ligne est refusée : « line.associated_number.not_mobile » sur le champ « associated_number »
    Et rien n'est enregistré

    Exemples:
      | associé        |
      | 04 83 05 01 74 |
      | 06 99 88 77 66 |

  Scénario: Une ligne numéro fixe s'associe à une ligne mobile du client (§3.2.2, §9.4)
    Quand on ajoute une ligne au client :
      | plan   | number         | first_name | last_name |
      | mobile | 06 99 88 77 66 | Paul       | Martin    |
    Et on ajoute une ligne au client :
      | plan        | number         | site       | first_name | last_name | email                    | associated_number |
      | fixe_mobile | 04 83 05 01 91 | Toine Immo | Paul       | Martin    | toineimmo+paul@gmail.com | 06 99 88 77 66    |
    Alors la ligne est enregistrée au numéro « +33483050191 »

  Scénario: Une ligne mobile prend un numéro mobile (§5.2.1)
    Quand on ajoute une ligne au client :
      | plan   | number         | first_name | last_name |
      | mobile | 04 83 05 01 98 | Paul       | Martin    |
    Alors la ligne est refusée : « line.number.not_allowed » sur le champ « number »
    Et rien n'est enregistré

  Scénario: Une ligne fixe prend un numéro géographique (§3.1.1)
    Quand on ajoute une ligne au client :
      | plan | number         | site       | first_name | last_name | email                     |
      | fixe | 09 12 34 56 78 | Toine Immo | Julie      | Bertrand  | toineimmo+julie@gmail.com |
    Alors la ligne est refusée : « line.number.not_allowed » sur le champ « number »
    Et rien n'est enregistré
