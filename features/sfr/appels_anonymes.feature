# language: fr
Fonctionnalité: Rejeter les appels anonymes sur une ligne SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §6.6 « Rejeter les
  appels anonymes » (§6.6.1 « Description », §6.6.2 « Paramétrage ») et le tableau du
  §5.2 « Listes des services paramétrables en fonction du type de ligne » (ligne
  « Appels Anonymes »).

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Les lignes qui ont ce réglage, désactivé par défaut (§5.2, §6.6.1)
    Étant donné l'opérateur « sfr »
    Alors il offre « anonymous_call_rejection » sur les forfaits « fixe, fixe_mobile, mobile, analogique »
    Et la limite « default » de « anonymous_call_rejection » vaut False
    Et la ligne « 04 83 05 01 88 » ne rejette pas les appels anonymes

  Scénario: Un appel anonyme aboutit tant que la fonction est désactivée
    Quand un appelant anonyme appelle la ligne « 04 83 05 01 88 »
    Alors l'appel aboutit à la ligne

  Scénario: La fonction activée, l'appel anonyme n'aboutit pas et le correspondant entend le message du guide (§6.6.1)
    Quand on active « Rejeter les appels anonymes » sur la ligne « 04 83 05 01 88 »
    Et un appelant anonyme appelle la ligne « 04 83 05 01 88 »
    Alors l'appel est rejeté et l'appelant entend « Votre correspondant ne souhaite pas recevoir d'appels anonymes. Pour le joindre, désactivez le masquage de votre numéro »
    Quand l'appelant « 01 45 83 47 78 » appelle la ligne « 04 83 05 01 88 »
    Alors l'appel aboutit à la ligne
