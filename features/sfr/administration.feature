# language: fr
Fonctionnalité: Administrer le compte d'un client SFR : sites, lignes, offre et options
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §2.2.1 « Gérer Votre
  offre » (« Le nombre total de forfaits souscrits », « 182 forfaits dont 93 disponibles »,
  « Liste des sites créés avec le nombre de lignes activées sur chaque site », « Permet de
  modifier le nom ou de supprimer un site ne comportant aucune ligne ») et « Gérer vos
  lignes », §3.1 à §3.3 (les forfaits), §3.6 « Options de Collaboration », §4.1 « Sites »
  (« Seul le nom d'un site peut être modifié », « le site « VOS LIGNES MOBILES AVEC OPTION
  PABX », n'est pas un site physique et c'est le seul. Il est créé automatiquement »),
  §4.9 « Supprimer une ligne », §5.1 « Accéder au détail du paramétrage des lignes »,
  §9.1 « Modifier les coordonnées d'une ligne » et §9.4 « Association ligne fixe / mobile ».
  Lectures retenues :
  - « attribué » est le nombre de lignes du forfait (d'options posées sur des lignes) ;
    « disponible » est souscrit moins attribué, comme l'exemple du guide s'additionne ;
    une ligne (une option) n'est activée que si l'un de ses forfaits (options) est
    disponible ; un client dont rien n'est renseigné n'est pas limité ; la « Ligne mobile
    avec option PABX » n'est pas un forfait du tableau de l'offre ;
  - le site automatique contient les lignes mobiles, et elles seules ; une ligne mobile
    ajoutée sans site y est rattachée d'elle-même ;
  - un site comportant des lignes ne peut pas être supprimé (le refus dit combien) ;
  - l'offre de démonstration reprend l'exemple du §2.2.1 : 182 forfaits (28 de chacun,
    attribués et disponibles additionnés, et 70 Forfaits Fixes), 57 options (47 et 10) ;
  - le guide dit au §3.2.2 que l'association « peut prendre plus d'une heure » et au
    §9.4.2 qu'elle « sera effective dans un délai maximum d'1h » : le délai maximum d'une
    heure du §9.4.2, celui de la fenêtre d'association, est retenu ;
  - changer l'@mail demande à l'agent de confirmer dans la page ; par l'API, la requête
    vaut confirmation (la documentation de l'API le dit).

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Les sites avec leur nombre de lignes, dont le site automatique (§2.2.1, §4.1.1)
    Alors les sites du client sont :
      | site                                | physique | lignes |
      | Toine Immo                          | oui      | 7      |
      | VOS LIGNES MOBILES AVEC OPTION PABX | non      | 1      |

  Scénario: Un nouveau client a d'emblée son site automatique (§4.1.1 « Il est créé automatiquement »)
    Quand on crée le client « Agence Riviera » de l'opérateur « sfr »
    Alors les sites du client sont :
      | site                                | physique | lignes |
      | VOS LIGNES MOBILES AVEC OPTION PABX | non      | 0      |

  Scénario: Seul le nom d'un site peut être modifié (§4.1.2)
    Quand on modifie le site « Toine Immo » ainsi :
      | champ | valeur            |
      | name  | Toine Immo Grasse |
    Alors le client a le site « Toine Immo Grasse »
    Et l'historique du client dit « Site modifié »

  Scénario: L'adresse d'un site ne peut pas être modifiée : ce serait un déménagement (§4.1.2)
    Quand on modifie le site « Toine Immo » ainsi :
      | champ  | valeur                     |
      | street | 16 RUE DU GENERAL ALAIN    |
    Alors le site est refusé : « site.street.set_once » sur le champ « street »

  Scénario: Un site comportant des lignes ne peut pas être supprimé (§2.2.1, §4.1.2)
    Quand on supprime le site « Toine Immo »
    Alors la suppression du site est refusée : « site.lines.not_empty », avec le message « Le site « Toine Immo » comporte encore 7 ligne(s) : déplacez-les ou supprimez-les avant de supprimer le site. »

  Scénario: Un site sans ligne est créé puis supprimé (§2.2.1, §4.1.2)
    Quand on ajoute le site « Nantes 2 » :
      | champ       | valeur          |
      | street      | 0 RUE EUCLIDE   |
      | postal_code | 44800           |
      | city        | ST HERBLAIN     |
    Alors le client a le site « Nantes 2 »
    Quand on supprime le site « Nantes 2 »
    Alors le client n'a plus de site « Nantes 2 »
    Et l'historique du client dit « Site supprimé »

  Scénario: Le site automatique n'est ni renommé ni supprimé (§4.1.1)
    Quand on modifie le site « VOS LIGNES MOBILES AVEC OPTION PABX » ainsi :
      | champ | valeur  |
      | name  | Mobiles |
    Alors le site est refusé : « site.name.automatic » sur le champ « name »
    Quand on supprime le site « VOS LIGNES MOBILES AVEC OPTION PABX »
    Alors la suppression du site est refusée : « site.id.automatic », avec le message « « VOS LIGNES MOBILES AVEC OPTION PABX » est créé automatiquement et n'est pas un site physique : il ne peut pas être supprimé. »

  Scénario: Une ligne mobile va d'elle-même dans le site automatique (§2.2.1 « Gérer vos lignes », §3.2.2)
    Quand on ajoute une ligne au client :
      | plan   | number         | first_name | last_name |
      | mobile | 06 99 88 77 66 | Paul       | Martin    |
    Alors la ligne est rattachée au site « VOS LIGNES MOBILES AVEC OPTION PABX »

  Scénario: Une ligne fixe n'est pas rattachée au site automatique, qui n'est pas un site physique (§3.1.1, §4.1.1)
    Quand on ajoute une ligne au client :
      | plan | number         | site                                | first_name | last_name | email                     |
      | fixe | 04 83 05 01 99 | VOS LIGNES MOBILES AVEC OPTION PABX | Julie      | Bertrand  | toineimmo+julie@gmail.com |
    Alors la ligne est refusée : « line.site_id.not_allowed » sur le champ « site_id »
    Et rien n'est enregistré

  Scénario: Supprimer une ligne demande une confirmation (§4.9)
    Quand l'agent clique sur « Supprimer la ligne » de la ligne « 04 83 05 01 74 »
    Alors la page demande « Voulez-vous vraiment supprimer la ligne 04 83 05 01 74 (Valérie Diaz, Forfait Fixe) ? »
    Et la ligne « 04 83 05 01 74 » existe toujours
    Quand l'agent confirme la suppression
    Alors la ligne « 04 83 05 01 74 » n'existe plus dans le client
    Et l'historique du client dit « Ligne supprimée »

  Scénario: Changer l'@mail prévient de la réinitialisation de l'Espace Client (§9.1.2)
    Quand l'agent enregistre l'@mail « toineimmo+julie@gmail.com » pour la ligne « 04 83 05 01 74 »
    Alors la page avertit « La modification de l'adresse mail entraîne la réinitialisation de l'Espace Client de votre collaborateur. » et rien n'est enregistré
    Et l'@mail de la ligne « 04 83 05 01 74 » est « toineimmo+valerie@gmail.com »
    Quand l'agent enregistre l'@mail « toineimmo+julie@gmail.com » pour la ligne « 04 83 05 01 74 » en confirmant
    Alors l'@mail de la ligne « 04 83 05 01 74 » est « toineimmo+julie@gmail.com »

  Scénario: L'association avec une ligne mobile est effective dans un délai maximum d'1h (§9.4.2)
    Quand on ajoute une ligne au client :
      | plan   | number         | first_name | last_name |
      | mobile | 06 99 88 77 66 | Valérie    | Diaz      |
    Et on modifie la ligne « 04 83 05 01 74 » ainsi :
      | champ             | valeur         |
      | associated_number | 06 99 88 77 66 |
    Alors la commande de la ligne « 04 83 05 01 74 » est en attente, effective au plus tard 60 minutes après sa création
    Quand 60 minutes ont passé pour la commande de la ligne « 04 83 05 01 74 »
    Alors la commande de la ligne « 04 83 05 01 74 » est appliquée

  Scénario: L'offre compte les forfaits et options attribués et disponibles (§2.2.1 « Gérer Votre offre »)
    Alors l'offre du client compte :
      | forfait ou option             | souscrits | attribués | disponibles |
      | Forfait Fixe                  | 70        | 4         | 66          |
      | Forfait Analogique            | 28        | 0         | 28          |
      | Groupement d'appels           | 28        | 1         | 27          |
      | Numéro Fixe pour Ligne Mobile | 28        | 1         | 27          |
      | Accueil vocal interactif      | 28        | 1         | 27          |
      | Collaboration                 | 47        | 1         | 46          |
      | Collaboration Premium         | 10        | 0         | 10          |
    Et l'offre du client compte 182 forfaits dont 175 disponibles

  Scénario: Une ligne n'est activée que si un forfait de son type est disponible (§2.2.1)
    Quand on enregistre l'offre du client :
      | forfait | souscrits |
      | avi     | 2         |
    Et on ajoute une ligne au client :
      | plan | number         | site       | first_name | last_name | email                     |
      | avi  | 04 83 05 01 71 | Toine Immo | Accueil    | Nuit      |                           |
    Alors la ligne est enregistrée au numéro « +33483050171 »
    Quand on ajoute une ligne au client :
      | plan | number         | site       | first_name | last_name | email                     |
      | avi  | 04 83 05 01 69 | Toine Immo | Accueil    | Week-end  |                           |
    Alors la ligne est refusée : « line.plan.none_available » sur le champ « plan »
    Et rien n'est enregistré

  Scénario: Les forfaits souscrits ne descendent pas sous ceux attribués (§2.2.1)
    Quand on enregistre l'offre du client :
      | forfait | souscrits |
      | fixe    | 3         |
    Alors l'offre est refusée : « plan_inventory.fixe.below_attributed » sur le champ « fixe »

  Scénario: Les options de collaboration sont réservées au Forfait Fixe (§3.6.1, §3.2.1)
    Étant donné l'opérateur « sfr »
    Alors il offre « collaboration » sur les forfaits « fixe »
    Et « collaboration » ne s'applique pas à « 04 83 05 01 90 »

  Plan du scénario: La salle de conférence personnelle de chaque option (§3.6.1)
    Quand on règle « collaboration » de « 04 83 05 01 88 » :
      | champ  | valeur   |
      | option | <option> |
    Alors le réglage est enregistré
    Et la salle de conférence personnelle de « 04 83 05 01 88 » accueille <participants> participants maximum

    Exemples:
      | option                | participants |
      | Collaboration         | 25           |
      | Collaboration Premium | 1000         |

  Scénario: Une option n'est attribuée que si l'une d'elles est disponible (§3.6.2, §2.2.1)
    Quand on enregistre l'offre du client :
      | option                | souscrites |
      | collaboration_premium | 1          |
    Et on règle « collaboration » de « 04 83 05 01 88 » :
      | champ  | valeur                |
      | option | Collaboration Premium |
    Alors le réglage est enregistré
    Quand on règle « collaboration » de « 04 83 05 01 72 » :
      | champ  | valeur                |
      | option | Collaboration Premium |
    Alors le réglage est refusé : « collaboration.option.none_available » sur le champ « option »
    Et aucun réglage n'est enregistré
