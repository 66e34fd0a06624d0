# language: fr
Fonctionnalité: La liste noire du compte Cooptel
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade), §8 « La liste
  noire » : §8.1 « Visualiser vos listes noires », §8.2 « Créer une nouvelle règle » et
  son tableau « Exemples d'options en fonction selon le type de règle créée », §8.3
  « Modifier une règle existante », §8.4 « Supprimer une règle » et §8.5 « Supprimer
  toutes les règles ».
  Lectures retenues :
  - Le tableau du §8.2 oppose « Pourront appeler » (une règle qui autorise) et « Seront
    rejetés par le système » (une règle qui bloque). Une règle qui autorise est une règle
    « autorise uniquement » : dès qu'il en existe une, seuls passent les appelants qu'une
    telle règle reconnaît.
  - Quand les deux sortes de règles existent, la règle qui bloque l'emporte : un appelant
    qu'elle reconnaît est rejeté même si une règle qui autorise le reconnaît aussi (sans
    quoi les règles qui bloquent ne serviraient à rien).
  - « Les chiffres doivent être sans espace ni tiret » : les espaces, tirets, points et
    parenthèses saisis par habitude sont retirés et la règle affiche les chiffres seuls ;
    tout autre caractère (une lettre, le « + ») est refusé par un message « chiffres
    seulement ».
  - « Le système se base sur le numéro de téléphone affiché par l'appelant » : un
    appelant nord-américain est comparé sur ses dix chiffres (5149073400), un appelant
    étranger sur ses chiffres internationaux, sans « + ».
  - Le tableau du §8.2 montre qu'une règle qui autorise rejette tous les autres appelants :
    ajouter la première règle « autorise uniquement » rejette en silence tous les autres
    appelants de l'entreprise. Le formulaire le dit avant d'enregistrer et demande de cocher
    une case ; la page de la liste noire dit en mots l'effet des règles en vigueur. Par
    l'API, la requête est elle-même l'accord.
  - §8.4 « confirmer votre choix » : la page demande de confirmer la suppression d'une
    règle, comme celle de toutes les règles (§8.5) ; par l'API, la requête de suppression
    est elle-même la confirmation et reste une seule requête.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Plan du scénario: Le tableau d'exemples du guide : une règle « <règle> » « <option> » (§8.2)
    Étant donné le client n'a aucune règle de liste noire
    Et la règle « <règle> » « <option> » « <séquence> »
    Quand l'appelant « <reconnu> » appelle le poste « 101 »
    Alors l'appel <issue du reconnu>
    Quand l'appelant « <autre> » appelle le poste « 101 »
    Alors l'appel <issue de l'autre>

    Exemples:
      | règle               | option       | séquence   | reconnu      | issue du reconnu            | autre        | issue de l'autre                        |
      | bloque              | est égal à   | 5149073400 | 514 907-3400 | est rejeté par cette règle  | 514 907-3401 | aboutit au poste                        |
      | bloque              | contient     | 5555       | 418 555-5512 | est rejeté par cette règle  | 418 555-4512 | aboutit au poste                        |
      | bloque              | commence par | 514        | 514 555-1234 | est rejeté par cette règle  | 418 514-1234 | aboutit au poste                        |
      | bloque              | fini par     | 3400       | 418 555-3400 | est rejeté par cette règle  | 418 555-3401 | aboutit au poste                        |
      | autorise uniquement | est égal à   | 5149073400 | 514 907-3400 | passe grâce à cette règle   | 514 907-3401 | est rejeté : aucune règle ne l'autorise |
      | autorise uniquement | contient     | 5555       | 418 555-5512 | passe grâce à cette règle   | 418 555-4512 | est rejeté : aucune règle ne l'autorise |
      | autorise uniquement | commence par | 514        | 514 555-1234 | passe grâce à cette règle   | 418 514-1234 | est rejeté : aucune règle ne l'autorise |
      | autorise uniquement | fini par     | 3400       | 418 555-3400 | passe grâce à cette règle   | 418 555-3401 | est rejeté : aucune règle ne l'autorise |

  Scénario: Quand une règle bloque et une autre autorise, la règle qui bloque l'emporte
    Étant donné le client n'a aucune règle de liste noire
    Et la règle « autorise uniquement » « commence par » « 514 »
    Et la règle « bloque » « est égal à » « 5149073400 »
    Quand l'appelant « 514 907-3400 » appelle le poste « 101 »
    Alors l'appel est rejeté par cette règle
    Quand l'appelant « 514 555-1234 » appelle le poste « 101 »
    Alors l'appel passe grâce à la règle « autorise uniquement » « commence par » « 514 »
    Quand l'appelant « 418 555-1234 » appelle le poste « 101 »
    Alors l'appel est rejeté : aucune règle ne l'autorise

  Scénario: Les règles ne s'appliquent pas aux appels anonymes ou confidentiels (§8.1)
    Étant donné le client n'a aucune règle de liste noire
    Et la règle « autorise uniquement » « est égal à » « 5149073400 »
    Et la règle « bloque » « contient » « 5 »
    Quand un appelant anonyme appelle le poste « 101 »
    Alors l'appel aboutit au poste
    Et le parcours indique que les règles ne s'appliquent pas aux appels sans numéro

  Scénario: Les espaces et les tirets saisis sont retirés (§8.2)
    Étant donné le client n'a aucune règle de liste noire
    Quand on crée la règle « bloque » « est égal à » « 514 907-3400 »
    Alors la règle est enregistrée avec la séquence « 5149073400 »

  Scénario: Une séquence qui n'est pas faite de chiffres est refusée (§8.2)
    Quand on crée la règle « bloque » « commence par » « 514-ABC »
    Alors la règle est refusée : « blacklist_rule.digits.invalid » sur le champ « digits »
    Et rien n'est enregistré

  Scénario: Rechercher dans tous les champs (§8.1)
    Quand on cherche « contient » parmi les règles
    Alors la recherche trouve seulement la règle « bloque » « contient » « 5555 »
    Quand on cherche « 514 907 » parmi les règles
    Alors la recherche trouve seulement la règle « bloque » « est égal à » « 5149073400 »

  Scénario: Modifier une règle existante (§8.3)
    Quand on modifie la règle « bloque » « contient » « 5555 » en « bloque » « fini par » « 5555 »
    Alors la règle est enregistrée avec la séquence « 5555 »
    Et le client a 2 règles de liste noire

  Scénario: Supprimer une règle, puis toutes les règles en un seul changement (§8.4, §8.5)
    Quand on supprime la règle « bloque » « contient » « 5555 »
    Alors le client a 1 règle de liste noire
    Quand on supprime toutes les règles, après confirmation
    Alors le client a 0 règle de liste noire
    Et l'historique garde une seule suppression, avec la liste des règles supprimées

  Scénario: Supprimer une règle demande de confirmer son choix (§8.4)
    Quand l'agent clique sur « Supprimer » pour la règle « bloque » « contient » « 5555 »
    Alors la page demande « Êtes-vous sûr de vouloir supprimer « Bloquer les appels dont le numéro contient 5555 » ? »
    Et le client a 2 règles de liste noire
    Quand l'agent confirme la suppression
    Alors le client a 1 règle de liste noire

  Scénario: Par l'API, supprimer une règle reste une seule requête (§8.4)
    Quand on supprime par l'API la règle « bloque » « contient » « 5555 »
    Alors l'API répond 204
    Et le client a 1 règle de liste noire

  Scénario: Le formulaire avertit avant la première règle « autorise uniquement » (§8.2)
    Alors le formulaire de la règle avertit « « Autoriser uniquement » : dès qu'une telle règle existe, tout appelant qu'aucune d'elles ne reconnaît est rejeté. »
    Quand l'agent ajoute par le formulaire la règle « autorise uniquement » « est égal à » « 5149073400 »
    Alors la page avertit « C'est la première règle « Autoriser uniquement » : une fois enregistrée, tout appelant qu'aucune règle « Autoriser uniquement » ne reconnaît est rejeté, sans avertissement. »
    Et le client a 2 règles de liste noire
    Quand l'agent coche la case et enregistre la règle
    Alors le client a 3 règles de liste noire
    Quand l'appelant « 418 555-1234 » appelle le poste « 101 »
    Alors l'appel est rejeté : aucune règle ne l'autorise

  Scénario: La page de la liste noire dit l'effet des règles en mots (§8.1, §8.2)
    Alors la page de la liste noire indique « Les appelants qu'une règle « Bloquer » reconnaît sont rejetés ; tous les autres appelants joignent l'entreprise. Les appels sans numéro (anonymes ou confidentiels) ne sont pas filtrés. »
    Étant donné la règle « autorise uniquement » « commence par » « 514 »
    Alors la page de la liste noire indique « Des règles « Autoriser uniquement » sont en vigueur : seuls les appelants que l'une d'elles reconnaît joignent l'entreprise, et tous les autres appelants sont rejetés. Un appelant qu'une règle « Bloquer » reconnaît est rejeté malgré tout. »

  Scénario: Une autre règle « autorise uniquement » s'enregistre sans nouvel avertissement (§8.2)
    Étant donné la règle « autorise uniquement » « commence par » « 514 »
    Quand l'agent ajoute par le formulaire la règle « autorise uniquement » « commence par » « 418 »
    Alors le client a 4 règles de liste noire
