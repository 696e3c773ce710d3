"""A small archive of earlier checks (id, claim, title) shared by the archive search tests."""

ARCHIVE = [
    ("1", "The river in Dresden rose six metres during the flood.", "Did the Elbe rise 6 m?"),
    ("2", "Drinking bleach cures the coronavirus.", "Bleach is not a cure"),
    ("3", "The senator voted 40 times against the infrastructure bill.",
     "Senator's voting record on infrastructure"),
    ("4", "A photo shows a shark swimming on a flooded highway in Houston.",
     "Shark on a Houston freeway?"),
    ("5", "The city council banned dogs from all public parks.", "Dog ban in parks"),
]
