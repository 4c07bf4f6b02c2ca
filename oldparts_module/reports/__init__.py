from . import report_oldparts_part_label
