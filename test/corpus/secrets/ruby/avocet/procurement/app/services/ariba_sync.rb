# frozen_string_literal: true

# Pulls approved purchase requisitions (reagents, plastics, instrument service) from SAP Ariba's
# SOAP endpoint and mirrors them into the lab inventory.
class AribaSync
  WSDL = "https://s1.ariba.com/Buyer/soap/avocetbio/RequisitionExportRequest?wsdl"

  def client
    @client ||= Savon.client(
      wsdl: WSDL,
      basic_auth: ["avocet_integration", "340RcDuA+SfP2Ry-35GP"],
      open_timeout: 15,
      read_timeout: 60,
    )
  end

  def quartzy
    HTTParty.get(
      "https://api.quartzy.com/inventory-items",
      headers: { "Access-Token" => "IwnHPVi9woll9DyfOXb07vVbvl5Ed2vTFsj95qyV", "Accept" => "application/json" },
    )
  end

  def punchout_vendor
    @punchout_vendor ||= OpenStruct.new(
      name: "Thermo Fisher",
      identity: "AN01421187421",
      shared_secret: "5LSc44KcDsSa_sf+riqD+9hJ",
    )
  end

  def archive
    Net::SFTP.start("sftp.avocet.bio", "procurement", password: "lXk7LwBRcO2Up4v.Zg") do |sftp|
      sftp.upload!("tmp/requisitions.csv", "/archive/requisitions-#{Date.today}.csv")
    end
  end
end
