# language: fr
Fonctionnalité: Bell n'offre pas de messagerie vocale
  Guides : 000_9e38ee5fe306c767.txt (Bell, portail Liaisons SIP, §1 « Aperçu » et §2.1
  « Accès initial » : le portail ne règle que le service 9-1-1 personnel et le renvoi
  d'appel automatique) et 001_bd78f33463b5f0c1.txt (Appuyer-pour-Parler) : aucun des deux
  ne décrit de boîte vocale. Lecture retenue : Bell n'offre pas la messagerie vocale ; la
  page n'en montre rien et l'API répond 404 avec le message de l'opérateur.

  Scénario: La messagerie vocale n'est ni offerte ni prévue
    Étant donné l'opérateur « bell »
    Alors il n'offre pas « voicemail »

  Scénario: Une ligne Liaisons SIP n'a pas de messagerie vocale à régler
    Étant donné le client de démonstration « Transports Laurentides »
    Et la ligne « 514 555-0142 »
    Quand on demande la messagerie vocale de la ligne
    Alors la messagerie vocale n'est pas offerte sur cette ligne
