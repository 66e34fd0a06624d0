# language: fr
Fonctionnalité: Interception d'appels d'un poste Cooptel
  Guide : 003_1f8630d8cbff8d99.txt (Cooptel, portail Arcade), §9.2 « Paramètres
  d'administration » : « INTERCEPTION D'APPELS — Cette option vous permet de répondre aux
  appels entrants à partir d'un autre téléphone. » (« Ces paramètres ne sont visibles que
  par les administrateurs. »)
  Lecture retenue : l'option se règle poste par poste et permet à l'utilisateur du poste de
  répondre, depuis son téléphone, aux appels qui sonnent sur les autres postes du client.
  Elle est désactivée tant qu'un administrateur ne l'active pas.

  Contexte:
    Étant donné le client de démonstration « Fromagerie du Lac »

  Scénario: Un appel qui sonne au poste 101 peut être intercepté par le poste 102
    Quand un appel arrive sur la ligne « 101 »
    Alors le parcours dit « 102 Luc Paquette »
    Et le parcours dit « interception »

  Scénario: Le poste qui a l'option n'intercepte pas ses propres appels
    Quand un appel arrive sur la ligne « 102 »
    Alors aucune étape ne propose l'interception
