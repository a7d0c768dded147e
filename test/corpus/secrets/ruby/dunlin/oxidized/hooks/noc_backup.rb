# Oxidized hook: after each stored config, copy it to the NOC archive host over SSH and ping SNMP to record uptime.
require "net/ssh"
require "net/scp"
require "snmp"

class NocBackup < Oxidized::Hook
  ARCHIVE = "archive.noc.dunlin.net"

  def run_hook(ctx)
    Net::SSH.start(ARCHIVE, "oxidized-archive", password: "jiM.a.3gBe0zBiKAo3Dv", non_interactive: true) do |ssh|
      ssh.scp.upload!(StringIO.new(ctx.node.output.to_cfg), "/srv/archive/#{ctx.node.name}.cfg")
    end
    SNMP::Manager.open(host: ctx.node.ip, community: "2PIEBL3yiBlkoWum", version: :SNMPv2c) do |m|
      log "uptime #{m.get_value('sysUpTime.0')}"
    end
  end
end
