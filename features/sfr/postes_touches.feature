# language: fr
Fonctionnalité: Le matériel associé à une ligne et les touches programmables d'un poste IP
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §4.6 « Compléter les lignes
  avec les références de poste (@MAC) », §6.16 « Matériel associé à une ligne », §6.17
  « Touches programmables d'un poste IP », §9.2 « Modifier le matériel d'une ligne » et
  §9.3 « Reset de configuration d'un poste ».
  Lectures retenues :
  - L'option Collab n'est pas encore connue du back-office : « Sinon : modèle de matériel
    obligatoire » s'applique à toutes les lignes.
  - La carte SIM (« A venir, en projet pour fin 2025 ») n'est pas encore proposée.
  - Une touche de raccourci « Choisir un numéro de l'annuaire » désigne une ligne du client ;
    « Saisir un numéro » accepte tout numéro, y compris un numéro court (« 3899 »).
  - Le nombre de touches du Polycom VVX 250 n'est pas dans le guide : nous retenons 4.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Le matériel et les touches selon le forfait (§6.16.1 et §6.17.1)
    Étant donné l'opérateur « sfr »
    Alors il offre « devices » sur les forfaits « fixe, analogique »
    Et la limite « model_required » de « devices » vaut True
    Et il offre « programmable_keys » sur les forfaits « fixe »
    Et la limite « pickup_number » de « programmable_keys » vaut *98
    Et la limite « pickup_label » de « programmable_keys » vaut Interception
    Et la limite « restarts_phone » de « programmable_keys » vaut True

  Scénario: Sans Collab, le modèle de matériel est obligatoire (§6.16.1)
    Quand on associe à la ligne « 04 83 05 01 72 » un matériel sans modèle, d'adresse MAC « 64:16:7F:B2:70:DD »
    Alors le matériel est refusé sur le champ « model »
    Et rien n'est enregistré

  Scénario: Un ATA est le matériel d'une ligne analogique, pas d'une ligne fixe (§6.16.1, liste des types de matériel)
    Quand on associe à la ligne « 04 83 05 01 72 » le matériel « AudioCodes MP-202B RevD » sans adresse MAC
    Alors le matériel est refusé : « device.model.plan » sur le champ « model »
    Et rien n'est enregistré

  Scénario: Associer un poste DECT, qui ne dispose pas de touches programmables (§6.16.2)
    Quand on associe à la ligne « 04 83 05 01 72 » le matériel « Yealink W52PU » d'adresse MAC « 64:16:7F:B2:70:DD »
    Alors la ligne « 04 83 05 01 72 » a le matériel « Yealink W52PU », touches programmables « 0/0 »
    Et l'historique du client dit « Matériel associé à la ligne »
    Quand on programme les touches de la ligne « 04 83 05 01 72 » :
      | type        | ligne          | numéro | label |
      | Interception |               |        |       |
    Alors les touches sont refusées : « device_keys.keys.no_keys » sur le champ « keys »
    Et le message en français est « Ce modèle de poste ne dispose pas de touches programmables. »

  Scénario: L'@MAC d'un poste n'est associée qu'à une ligne (§4.6)
    Quand on associe à la ligne « 04 83 05 01 72 » le matériel « Poly Edge E220 » d'adresse MAC « 64167fb269d6 »
    Alors le matériel est refusé : « device.mac.duplicate » sur le champ « mac »

  Scénario: Les touches de supervision en premier, puis les raccourcis et l'interception (§6.17.1)
    Quand on programme les touches de la ligne « 04 83 05 01 73 » :
      | type         | ligne          | numéro     | label                |
      | Supervision  | 04 83 05 01 88 |            |                      |
      | Supervision  | 04 83 05 01 74 |            |                      |
      | Raccourci    |                | 0613456782 | Pierre Durand        |
      | Interception |                |            |                      |
    Alors les touches de la ligne « 04 83 05 01 73 » sont :
      | touche | type         | affiche              |
      | 1      | Supervision  | Camille Dumoulin     |
      | 2      | Supervision  | Valérie Diaz         |
      | 3      | Raccourci    | Pierre Durand        |
      | 4      | Interception | Interception         |
    Et l'ordre envoyé au réseau dit « Appliqué ; le téléphone redémarre automatiquement pour prendre ses touches. »

  Scénario: L'ordonnancement n'est possible que pour les touches d'une même catégorie (§6.17.1)
    Quand on programme les touches de la ligne « 04 83 05 01 73 » :
      | type        | ligne          | numéro | label  |
      | Raccourci   |                | 3899   | Mairie |
      | Supervision | 04 83 05 01 88 |        |        |
    Alors les touches sont refusées : « device_keys.kind.order » sur le champ « keys.1.kind »
    Et le message en français est « Les touches de supervision sont toujours en premier, puis les touches de raccourci : les touches ne sont réordonnées qu'au sein de leur catégorie. »
    Et rien n'est enregistré

  Scénario: Supervision des lignes internes uniquement, numéro fixe pour lignes mobiles exclu (§6.17.1)
    Quand on programme les touches de la ligne « 04 83 05 01 73 » :
      | type        | ligne          | numéro | label |
      | Supervision | 04 83 05 01 90 |        |       |
    Alors les touches sont refusées : « device_keys.line_id.plan » sur le champ « keys.0.line_id »
    Et rien n'est enregistré

  Scénario: 45 touches de supervision maximum quel que soit le modèle de poste (§6.17.1)
    Quand on programme 46 touches de supervision sur la ligne « 04 83 05 01 73 »
    Alors les touches sont refusées : « device_keys.kind.too_many » sur le champ « keys.45.kind », limite 45
    Et le message en français est « Au plus 45 touches de ce type. »
    Quand on programme 45 touches de supervision sur la ligne « 04 83 05 01 73 »
    Alors la ligne « 04 83 05 01 73 » a 45 touches programmées

  Scénario: Autant de touches de raccourci que le nombre de touches programmables du poste (§6.17.1)
    Quand on change le matériel de la ligne « 04 83 05 01 73 » pour « Polycom VVX 250 »
    Et on programme 5 touches de raccourci sur la ligne « 04 83 05 01 73 »
    Alors les touches sont refusées : « device_keys.keys.too_many » sur le champ « keys », limite 4

  Scénario: Une seule touche d'interception, *98 « Interception » (§6.17.1)
    Quand on programme les touches de la ligne « 04 83 05 01 73 » :
      | type         | ligne | numéro | label |
      | Interception |       |        |       |
      | Interception |       |        |       |
    Alors les touches sont refusées : « device_keys.kind.too_many » sur le champ « keys.1.kind », limite 1

  Scénario: Tout réinitialiser remet toutes les touches à vide (§6.17.1)
    Quand on programme les touches de la ligne « 04 83 05 01 73 » :
      | type | ligne | numéro | label |
    Alors la ligne « 04 83 05 01 73 » a 0 touches programmées
    Et l'historique du client dit « Touches configurées »

  Scénario: Un matériel qui possède moins de touches : seule une partie des touches est conservée (§9.2.2)
    Quand on s'apprête à changer le matériel de la ligne « 04 83 05 01 73 » pour « Polycom VVX 250 »
    Alors l'avertissement dit « Ce matériel possède moins de touches programmables : seule une partie de vos touches sera conservée. »
    Et l'avertissement cite « Touche 5, Raccourci : Accueil »
    Quand on change le matériel de la ligne « 04 83 05 01 73 » pour « Polycom VVX 250 »
    Alors la ligne « 04 83 05 01 73 » a le matériel « Polycom VVX 250 », touches programmables « 4/4 »

  Scénario: Supprimer le matériel fait perdre les touches de supervision et de raccourci (§9.3)
    Alors la confirmation de suppression du matériel de la ligne « 04 83 05 01 73 » dit « en supprimant ce matériel, vous perdez vos 7 touches de supervision et de raccourci »
    Quand on supprime le matériel de la ligne « 04 83 05 01 73 »
    Alors la ligne « 04 83 05 01 73 » n'a plus de matériel
    Et l'ordre envoyé au réseau dit « Appliqué ; le poste est dissocié de la ligne et peut être remis en configuration usine. »
