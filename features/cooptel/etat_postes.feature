# language: fr
Fonctionnalité: Visualiser l'état des postes téléphoniques
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, guide de l'usager Arcade), §15 « Visualiser
  l'état des postes téléphoniques » : « voir leur état (Disponible, En appel ou
  Déconnecté) ».
  - « Disponible : Le poste est connecté et libre de recevoir des appels. »
  - « En appel : Le poste est connecté et occupé. »
  - « Déconnecté : Le poste n'est pas connecté. »
  Lectures retenues (le réseau de démonstration de Cooptel) :
  - Un poste sans téléphone (aucun téléphone de la banque assigné, aucun téléphone
    logiciel) n'est pas connecté : il est « Déconnecté ».
  - Un poste qui a un téléphone est « Disponible », sauf pendant un appel en cours : il est
    alors « En appel ».
  - Un numéro de fax n'est pas un poste : il n'a pas d'état.
  - L'API donne l'état de chaque ligne en lecture seule, et filtre les postes selon leur
    « État » (Disponible, En Appel ou Déconnecté).

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: Un poste avec un téléphone est Disponible, un poste sans téléphone Déconnecté (§15)
    Alors l'état du poste « 101 » est « Disponible »
    Et l'état du poste « 102 » est « Disponible »
    Et l'état du poste « 103 » est « Déconnecté »
    Et le numéro « 514 907-3401 » n'a pas d'état

  Scénario: Un poste connecté et occupé est En appel, puis Disponible à la fin de l'appel (§15)
    Quand un appel est en cours sur le poste « 102 »
    Alors l'état du poste « 102 » est « En appel »
    Et l'état du poste « 101 » est « Disponible »
    Quand l'appel du poste « 102 » se termine
    Alors l'état du poste « 102 » est « Disponible »

  Scénario: Un poste à qui on assigne un téléphone devient Disponible (§14, §15)
    Quand on assigne le téléphone « WX311 - ext 132 » au poste « 103 », modèle « Polycom VVX 311 », boutons de ligne « 1 »
    Alors l'état du poste « 103 » est « Disponible »
    Quand on désassigne le téléphone « WX311 - ext 132 » du poste « 103 »
    Alors l'état du poste « 103 » est « Déconnecté »

  Scénario: La liste des postes et la page du poste montrent leur état (§15)
    Quand un appel est en cours sur le poste « 101 »
    Alors la liste des postes montre le poste « 101 » « En appel », le poste « 102 » « Disponible » et le poste « 103 » « Déconnecté »
    Et la page du poste « 103 » montre « État : Déconnecté »

  Scénario: L'API donne l'état des postes et les filtre selon leur État (§15)
    Quand un appel est en cours sur le poste « 102 »
    Alors l'API donne au poste « 102 » l'état « on_call », « En appel »
    Et l'API donne au numéro « 514 907-3401 » aucun état
    Et l'API liste à l'état « disconnected » les postes « 103, 104 »
    Et l'API liste à l'état « available » les postes « 101 »
