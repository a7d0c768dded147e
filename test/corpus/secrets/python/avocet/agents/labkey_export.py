from labkey.api_wrapper import APIWrapper

api = APIWrapper(
    "labkey.avocet.bio",
    "Assays/Plate Reader",
    use_ssl=True,
    api_key="apikey|59f1106af24e36fdcb5a0445091213e2",
)

rows = api.query.select_rows("assay.General.PlateReader", "Data")["rows"]
