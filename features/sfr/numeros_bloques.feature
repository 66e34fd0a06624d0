# language: fr
Fonctionnalité: Les numéros bloqués d'une ligne SFR
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §6.13 « Numéros
  bloqués » (§6.13.1 « Description », §6.13.2 « Paramétrage ») et le tableau du §5.2
  « Listes des services paramétrables en fonction du type de ligne ».
  Lectures retenues :
  - §6.13.1 cite le forfait fixe, le forfait numéro fixe pour lignes mobiles et les lignes
    mobiles ; le tableau du §5.2 coche aussi « Bloquer des numéros » pour la ligne
    analogique. Nous suivons le tableau : les quatre forfaits.
  - « Pas de format imposé » : un numéro reconnu est enregistré au format international,
    comme dans la liste du §6.13.2 (0145834778 devient +33145834778, 00442346950434
    devient +442346950434) ; un numéro que l'on ne sait pas placer est gardé tel que saisi,
    sans séparateurs (le guide affiche 04786950 pour +334786950 : nous le gardons tel quel).
  - Tout numéro qui peut figurer dans la liste peut aussi être saisi comme appelant dans
    l'explication d'un appel, lu de la même façon, pour que l'agent puisse essayer la liste.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Plan du scénario: N'importe quel type de numéro peut être bloqué (§6.13.1, §6.13.2)
    Quand on bloque le numéro « <saisi> » sur la ligne « 04 83 05 01 88 »
    Alors la ligne « 04 83 05 01 88 » bloque « <enregistré> »

    Exemples:
      | saisi          | enregistré    |
      | 0145834778     | +33145834778  |
      | 0790346812     | +33790346812  |
      | +334786950     | +334786950    |
      | 00442346950434 | +442346950434 |

  Scénario: Le nombre de numéros bloqués ne peut pas être supérieur à 36 (§6.13.1)
    Étant donné la ligne « 04 83 05 01 88 » bloque déjà 36 numéros
    Quand on bloque le numéro « 01 45 83 48 00 » sur la ligne « 04 83 05 01 88 »
    Alors le numéro est refusé : « blocked_number.number.too_many » sur le champ « number », limite 36
    Et le message en français est « Le nombre de numéros bloqués ne peut pas être supérieur à 36. »
    Et rien n'est enregistré

  Scénario: Supprimer un numéro, puis réinitialiser la liste (§6.13.2)
    Alors la ligne « 04 83 05 01 73 » a 4 numéros bloqués
    Quand on supprime le numéro « +33790346812 » de la ligne « 04 83 05 01 73 »
    Alors la ligne « 04 83 05 01 73 » a 3 numéros bloqués
    Quand on réinitialise la liste de la ligne « 04 83 05 01 73 »
    Alors la ligne « 04 83 05 01 73 » a 0 numéro bloqué

  Scénario: Un appel d'un numéro bloqué n'aboutit pas
    Quand l'appelant « 01 45 83 47 78 » appelle la ligne « 04 83 05 01 73 »
    Alors l'appel est rejeté par le numéro bloqué « +33145834778 »
    Quand l'appelant « 01 45 83 47 79 » appelle la ligne « 04 83 05 01 73 »
    Alors l'appel aboutit à la ligne

  Plan du scénario: Tout numéro de la liste peut être essayé comme appelant (§6.13.1)
    Quand l'appelant « <appelant> » appelle la ligne « 04 83 05 01 73 »
    Alors l'appel est rejeté par le numéro bloqué « <enregistré> »

    Exemples:
      | appelant       | enregistré    |
      | +334786950     | +334786950    |
      | +33 478 69 50  | +334786950    |
      | 0145834778     | +33145834778  |
      | 00442346950434 | +442346950434 |
