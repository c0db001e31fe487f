from frister.portfolio._records import CaseRecord, Portfolio

__all__ = ["CaseRecord", "Portfolio"]
