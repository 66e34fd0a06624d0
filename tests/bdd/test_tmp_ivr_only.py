from pytest_bdd import scenarios

scenarios("telus", "sfr/lignes.feature", "sfr/offre.feature", "sfr/appels_anonymes.feature",
          "sfr/numeros_bloques.feature", "sfr/renvoi_sonnerie_plusieurs_lignes.feature")
