# language: fr
Fonctionnalité: Services d'une ligne utilisateur SFR : affichage du numéro, rappel automatique, restriction d'appel, ne pas déranger, sonnerie différenciée
  Guide : 004_1c65287363dc7b18.txt (SFR, Selfcare Gestionnaire), §6.2 « Affichage du
  numéro au correspondant », §6.3 « Rappel automatique sur occupation », §6.4 « Profil de
  restriction d'appel », §6.5 « Ne pas déranger » et §6.8 « Sonnerie différenciée entre
  les appels internes et externes ».

  Lectures retenues là où le tableau extrait du §6.4 est ambigu : les profils « Fixe
  National » cochent Interne, Fixes et les numéros spéciaux gratuits (leur nom exclut les
  mobiles) ; un jour de « Fermeture », seuls les appels internes sortent ; les numéros des
  DOM relèvent de la colonne « Eur Dom tom » ; les numéros d'urgence sortent toujours.

  Contexte:
    Étant donné le client de démonstration « Toine Immo »

  Scénario: Les valeurs par défaut d'une ligne (§6.2 à §6.5, §6.8)
    Alors « caller-id » de « 04 83 05 01 73 » vaut :
      | champ | valeur                        |
      | mode  | Afficher le numéro de la ligne |
    Et « busy-callback » de « 04 83 05 01 73 » vaut :
      | champ   | valeur |
      | enabled | oui    |
    Et « call-restriction » de « 04 83 05 01 73 » vaut :
      | champ   | valeur           |
      | profile | Sans restriction |
    Et « do-not-disturb » de « 04 83 05 01 73 » vaut :
      | champ   | valeur |
      | enabled | non    |
    Et « distinctive-ring » de « 04 83 05 01 73 » vaut :
      | champ   | valeur |
      | enabled | non    |

  Scénario: Par défaut, le correspondant voit le numéro de la ligne (§6.2)
    Quand « 04 83 05 01 73 » compose le « 01 45 83 47 78 »
    Alors l'appel sortant passe et le correspondant voit « 04 83 05 01 73 »

  Scénario: Aucune information : masquage du numéro (§6.2)
    Quand on règle « caller-id » de « 04 83 05 01 73 » :
      | champ | valeur                        |
      | mode  | Masquer le numéro de la ligne |
    Et « 04 83 05 01 73 » compose le « 01 45 83 47 78 »
    Alors l'appel sortant passe et le correspondant voit « anonyme »

  Scénario: Un numéro alternatif libre, sans restriction particulière (§6.2 « Cas de la saisie d'un numéro libre »)
    Quand on règle « caller-id » de « 04 83 05 01 73 » :
      | champ  | valeur                        |
      | mode   | Afficher un numéro alternatif |
      | number | 09 99 99 99 99                |
    Et « 04 83 05 01 73 » compose le « 06 12 34 56 78 »
    Alors l'appel sortant passe et le correspondant voit « 09 99 99 99 99 »

  Scénario: Un numéro de l'entreprise : le correspondant rappellera l'accueil, non la ligne (§6.2 « Cas de la saisie d'un numéro de l'entreprise »)
    Quand « 04 83 05 01 72 » compose le « 01 45 83 47 78 »
    Alors l'appel sortant passe et le correspondant voit « 04 83 05 01 75 »

  Scénario: Un numéro alternatif sans numéro est refusé (§6.2)
    Quand on règle « caller-id » de « 04 83 05 01 73 » :
      | champ | valeur                        |
      | mode  | Afficher un numéro alternatif |
    Alors le réglage est refusé : « caller_id.number.required » sur le champ « number »
    Et aucun réglage n'est enregistré

  Scénario: Désactiver le rappel automatique sur occupation (§6.3)
    Quand on règle « busy-callback » de « 04 83 05 01 73 » :
      | champ   | valeur |
      | enabled | non    |
    Alors le réglage est enregistré
    Et « busy-callback » de « 04 83 05 01 73 » vaut :
      | champ   | valeur |
      | enabled | non    |

  Plan du scénario: Les 8 profils de restriction du tableau (§6.4)
    Quand on règle « call-restriction » de « 04 83 05 01 73 » :
      | champ   | valeur    |
      | profile | <profil> |
    Et « 04 83 05 01 73 » compose le « <numéro> »
    Alors le parcours se termine par la règle « <règle> »

    Exemples:
      | profil                                      | numéro          | règle                                      |
      | Interne 7/7                                 | 04 83 05 01 88  | outgoing.connect                           |
      | Interne 7/7                                 | 01 45 83 47 78  | sfr.call_restriction.fixed                 |
      | Fixe National 7/7                           | 01 45 83 47 78  | outgoing.connect                           |
      | Fixe National 7/7                           | 06 12 34 56 78  | sfr.call_restriction.mobile                |
      | Fixe+Mob Nat+Num spcx gratuits+Eur-DOM 7/7  | 06 12 34 56 78  | outgoing.connect                           |
      | Fixe+Mob Nat+Num spcx gratuits+Eur-DOM 7/7  | 0800 12 34 56   | outgoing.connect                           |
      | Fixe+Mob Nat+Num spcx gratuits+Eur-DOM 7/7  | 0892 12 34 56   | sfr.call_restriction.special_paid          |
      | Fixe+Mob Nat+Num spcx gratuits+Eur-DOM 7/7  | 118218          | sfr.call_restriction.special_paid          |
      | Fixe+Mob Nat+Num spcx gratuits+Eur-DOM 7/7  | +32 2 555 12 12 | outgoing.connect                           |
      | Fixe+Mob Nat+Num spcx gratuits+Eur-DOM 7/7  | +1 212 555 0100 | sfr.call_restriction.international         |
      | Fixe+Mob Nat+Num spéciaux+Eur-DOM 7/7       | 0892 12 34 56   | outgoing.connect                           |
      | Sans restriction                            | +1 212 555 0100 | outgoing.connect                           |

  Scénario: Les profils « L-V » ferment le samedi et le dimanche, sauf les appels internes (§6.4 « Fermeture »)
    Quand on règle « call-restriction » de « 04 83 05 01 73 » :
      | champ   | valeur                                      |
      | profile | Fixe+Mob Nat+Num spcx gratuits+Eur-DOM L-V  |
    Et « 04 83 05 01 73 » compose le « 01 45 83 47 78 » un samedi
    Alors l'appel sortant est refusé par la règle « sfr.call_restriction.closed »
    Quand « 04 83 05 01 73 » compose le « 04 83 05 01 88 » un samedi
    Alors l'appel sortant passe et le correspondant voit « 04 83 05 01 73 »
    Quand « 04 83 05 01 73 » compose le « 01 45 83 47 78 » un vendredi
    Alors l'appel sortant passe et le correspondant voit « 04 83 05 01 73 »

  Scénario: Le profil « L-S » ferme le dimanche seulement (§6.4)
    Quand on règle « call-restriction » de « 04 83 05 01 73 » :
      | champ   | valeur                                      |
      | profile | Fixe+Mob Nat+Num spcx gratuits+Eur-DOM L-S  |
    Et « 04 83 05 01 73 » compose le « 01 45 83 47 78 » un samedi
    Alors l'appel sortant passe et le correspondant voit « 04 83 05 01 73 »
    Quand « 04 83 05 01 73 » compose le « 01 45 83 47 78 » un dimanche
    Alors l'appel sortant est refusé par la règle « sfr.call_restriction.closed »

  Scénario: Un profil hors du tableau est refusé (§6.4 : 8 profils)
    Quand on règle « call-restriction » de « 04 83 05 01 73 » :
      | champ   | valeur          |
      | profile | Sans limite H24 |
    Alors le réglage est refusé : « call_permissions.profile.invalid » sur le champ « profile »
    Et aucun réglage n'est enregistré

  Scénario: Les numéros d'urgence sortent quel que soit le profil
    Quand on règle « call-restriction » de « 04 83 05 01 73 » :
      | champ   | valeur      |
      | profile | Interne 7/7 |
    Et « 04 83 05 01 73 » compose le « 112 »
    Alors le parcours se termine par la règle « outgoing.emergency »

  Scénario: « Ne pas déranger » s'appuie sur le renvoi sur occupation (§6.5)
    Quand on règle « do-not-disturb » de « 04 83 05 01 88 » :
      | champ   | valeur |
      | enabled | oui    |
    Et l'appelant « 01 45 83 47 78 » appelle la ligne « 04 83 05 01 88 »
    Alors le parcours se termine par « voicemail » vers « voicemail »
    Et le parcours se termine par la règle « sfr.do_not_disturb.busy_forwarding »

  Scénario: « Ne pas déranger » sans renvoi sur occupation : l'appel n'aboutit pas (§6.5)
    Quand on règle « do-not-disturb » de « 04 83 05 01 88 » :
      | champ   | valeur |
      | enabled | oui    |
    Et on règle « forwarding » de « 04 83 05 01 88 » :
      | champ                  | valeur    |
      | busy_enabled           | non       |
      | no_answer_enabled      | oui       |
      | no_answer_destination  | voicemail |
      | unreachable_enabled    | oui       |
      | unreachable_destination | voicemail |
    Et l'appelant « 01 45 83 47 78 » appelle la ligne « 04 83 05 01 88 »
    Alors le parcours se termine par la règle « sfr.do_not_disturb »

  Scénario: Le filtrage passe avant « Ne pas déranger » (l'explicateur le montre après le filtrage)
    Quand on règle « do-not-disturb » de « 04 83 05 01 73 » :
      | champ   | valeur |
      | enabled | oui    |
    Et l'appelant « 01 45 83 47 78 » appelle la ligne « 04 83 05 01 73 »
    Alors l'appel est rejeté par le numéro bloqué « +33145834778 »

  Scénario: « Ne pas déranger » et la sonnerie différenciée selon les forfaits (§6.5, §6.8)
    Alors « do-not-disturb » ne s'applique pas à « 04 83 05 01 90 »
    Et « distinctive-ring » ne s'applique pas à « 06 17 30 64 73 »
    Quand on règle « distinctive-ring » de « 04 83 05 01 73 » :
      | champ   | valeur |
      | enabled | oui    |
    Alors le réglage est enregistré
