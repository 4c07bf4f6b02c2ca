from . import report_oldparts_part_label
from . import oldparts_payment_receipt
