from . import oldparts_payment_receipt
