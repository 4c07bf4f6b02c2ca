from . import oldparts_approval_refuse
from . import oldparts_progress_report_wizard
