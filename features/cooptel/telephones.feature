# language: fr
Fonctionnalité: Les téléphones : la banque d'appareils et l'assignation d'un téléphone à un poste
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade), §12 « Ajouter un
  téléphone à votre compte », §14 « Assigner un téléphone à un poste », §14.1 « Désassigner
  un téléphone d'un poste », §14.2 « Assigner un téléphone à plusieurs postes », et §7.5
  (redémarrer le téléphone, « jusqu'à 5 minutes »).
  Lectures retenues :
  - Les modèles proposés sont ceux que le guide nomme : « Polycom WX_311 » (lu Polycom
    VVX 311, 6 touches de ligne) et « Polycom 450 » (Polycom VVX 450, 12 touches de ligne).
  - Les fuseaux horaires portent les noms zoneinfo derrière les libellés du guide : HNE
    (« Par défaut de l'usine ») est America/Toronto.
  - Désassigner un téléphone d'un poste fait remonter les touches de ligne des autres postes,
    pour qu'aucune touche ne reste vide au début ou entre les extensions.
  - Les téléphones logiciels (§13) : voir telephones_logiciels.feature ; l'état des postes
    (§15) : voir etat_postes.feature.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: La banque d'appareils vaut pour tout le client, l'assignation pour chaque poste (§12, §14)
    Étant donné l'opérateur « cooptel »
    Alors il offre « devices » pour tout le client
    Et la limite « name_required » de « devices » vaut True
    Et la limite « mac_required » de « devices » vaut True
    Et la limite « default_timezone » de « devices » vaut America/Toronto
    Et la limite « restart_minutes » de « devices » vaut 5
    Et il offre « programmable_keys » sur les forfaits « extension »

  Scénario: Ajouter un téléphone à la banque d'appareils (§12)
    Quand on ajoute à la banque le téléphone « 64:16:7F:B2:01:03 » nommé « Polycom 450 Extension 103 »
    Alors la banque contient le téléphone « Polycom 450 Extension 103 » d'adresse MAC « 64167FB20103 »
    Et l'historique du client dit « Téléphone ajouté à la banque d'appareils »

  Scénario: L'adresse MAC est un numéro à 12 chiffres (§12)
    Quand on ajoute à la banque le téléphone « 64:16:7F:B2:01 » nommé « Incomplet »
    Alors le téléphone est refusé sur le champ « mac »
    Et le message en français est « Une adresse MAC compte 12 chiffres hexadécimaux (0-9, A-F). »
    Et rien n'est enregistré

  Scénario: Il est nécessaire de donner un nom au téléphone (§12)
    Quand on ajoute à la banque le téléphone « 64:16:7F:B2:01:04 » sans nom
    Alors le téléphone est refusé sur le champ « name »
    Et rien n'est enregistré

  Scénario: Assigner un téléphone à un poste, au fuseau horaire par défaut de l'usine (§14)
    Quand on assigne le téléphone « WX311 - ext 132 » au poste « 102 », modèle « Polycom VVX 311 », boutons de ligne « 1 »
    Alors le poste « 102 » a le téléphone « WX311 - ext 132 » sur les boutons de ligne « 1 »
    Et le téléphone « WX311 - ext 132 » est au fuseau horaire « America/Toronto »
    Et l'ordre envoyé au réseau dit « Enregistré ; redémarrez le téléphone pour l'appliquer : cela peut prendre jusqu'à 5 minutes. »

  Scénario: Si le bon modèle n'est pas choisi, le téléphone ne fonctionnera pas (§14, Attention)
    Quand on s'apprête à choisir le modèle « Polycom VVX 311 » pour le téléphone « WX311 - ext 132 »
    Alors l'avertissement dit « Vérifiez le modèle : si le bon modèle n'est pas choisi, le téléphone ne fonctionnera pas. »

  Scénario: Choisir un autre fuseau horaire, parmi ceux proposés (§14)
    Quand on assigne, au fuseau « America/Vancouver », le téléphone « WX311 - ext 132 » au poste « 102 », modèle « Polycom VVX 311 », boutons de ligne « 1 »
    Alors le téléphone « WX311 - ext 132 » est au fuseau horaire « America/Vancouver »
    Quand on assigne, au fuseau « Europe/Paris », le téléphone « WX311 - ext 132 » au poste « 101 », modèle « Polycom VVX 311 », boutons de ligne « 1 »
    Alors l'assignation est refusée sur le champ « timezone »

  Scénario: Pas de touche de ligne vide au début et entre les extensions (§14)
    Quand on assigne le téléphone « WX311 - ext 132 » au poste « 102 », modèle « Polycom VVX 311 », boutons de ligne « 2 »
    Alors l'assignation est refusée : « phone_assignment.line_keys.gap » sur le champ « line_keys »
    Et rien n'est enregistré

  Scénario: Un même téléphone pour plusieurs postes, sur des boutons de ligne différents (§14.2)
    Alors le téléphone « Polycom 450 Extension 101 » sert les postes « 1: 101, 2: 102 »

  Scénario: Ne pas sélectionner deux fois le même bouton de ligne (§14.2, Attention)
    Quand on change les boutons de ligne du téléphone « Polycom 450 Extension 101 » sur le poste « 102 » pour « 1 »
    Alors l'assignation est refusée : « phone_assignment.line_keys.duplicate » sur le champ « line_keys »
    Et le message en français est « Le bouton de ligne 1 est déjà utilisé sur ce téléphone : ne sélectionnez pas deux fois le même bouton de ligne. »

  Scénario: Les boutons de ligne varient selon le modèle de téléphone (§14)
    Quand on assigne le téléphone « WX311 - ext 132 » au poste « 102 », modèle « Polycom VVX 311 », boutons de ligne « 1, 2, 3, 4, 5, 6, 7 »
    Alors l'assignation est refusée sur le champ « line_keys »

  Scénario: Désassigner un téléphone d'un poste (§14.1)
    Quand on désassigne le téléphone « Polycom 450 Extension 101 » du poste « 101 »
    Alors le téléphone « Polycom 450 Extension 101 » sert les postes « 1: 102 »
    Et l'historique du client dit « Téléphone désassigné »
