import Rulebook
