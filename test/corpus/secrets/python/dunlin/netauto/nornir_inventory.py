"""Nornir inventory plugin that reads the core switches from NetBox and fills in the credentials per platform."""
from nornir.core.inventory import ConnectionOptions, Defaults, Groups, Host, Hosts, Inventory
import pynetbox

NETBOX_URL = "https://netbox.dunlin.net"
NETBOX_TOKEN_VAR = "NETBOX_TOKEN"  # the variable the token is read from


class DunlinNetboxInventory:
    def __init__(self, token: str, site: str = "lds1") -> None:
        self.nb = pynetbox.api(NETBOX_URL, token=token)
        self.site = site

    def load(self) -> Inventory:
        groups = Groups()
        groups["arista_eos"] = _group("arista_eos", "automation", None)
        groups["junos"] = _group("junos", "automation", None)
        hosts = Hosts()
        for dev in self.nb.dcim.devices.filter(site=self.site, role="core-switch"):
            hosts[dev.name] = Host(name=dev.name, hostname=str(dev.primary_ip4.address).split("/")[0],
                                   groups=[groups[dev.platform.slug]])
        defaults = Defaults(
            connection_options={
                "napalm": ConnectionOptions(
                    extras={"optional_args": {"secret": "RFJ@26O.WV.CFnO0"}},
                ),
            }
        )
        return Inventory(hosts=hosts, groups=groups, defaults=defaults)


def _group(name, username, password):
    from nornir.core.inventory import Group

    return Group(name=name, username=username, password=password, platform=name)


if __name__ == "__main__":
    inv = DunlinNetboxInventory("0421eba412f7d62ce7a5484180faeb26f5dd08a5").load()
    print(len(inv.hosts))
