<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>PG+Patroni</source>
        <translation>PG+Patroni</translation>
    </message>
    <message>
        <source>etcd</source>
        <translation>etcd</translation>
    </message>
    <message>
        <source>HAProxy</source>
        <translation>HAProxy</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>keine Rolle</translation>
    </message>
    <message>
        <source>(unnamed subnet)</source>
        <translation>(Subnetz ohne Namen)</translation>
    </message>
    <message>
        <source>no CIDR</source>
        <translation>kein CIDR</translation>
    </message>
    <message>
        <source>  · client applications</source>
        <translation>  · Client-Anwendungen</translation>
    </message>
</context>
<context>
    <name>pgha::Commands</name>
    <message>
        <source>Add host %1</source>
        <translation>Host %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add subnet %1</source>
        <translation>Subnetz %1 hinzufügen</translation>
    </message>
    <message>
        <source>Change host %1</source>
        <translation>Host %1 ändern</translation>
    </message>
    <message>
        <source>Change subnet %1</source>
        <translation>Subnetz %1 ändern</translation>
    </message>
    <message numerus="yes">
        <source>Move %n item(s)</source>
        <translation>
            <numerusform>%n Element verschieben</numerusform>
            <numerusform>%n Elemente verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n item(s)</source>
        <translation>
            <numerusform>%n Element einfügen</numerusform>
            <numerusform>%n Elemente einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>%n Element löschen</numerusform>
            <numerusform>%n Elemente löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgha::DashboardPage</name>
    <message>
        <source>Live dashboard: not built yet</source>
        <translation>Live-Dashboard: noch nicht gebaut</translation>
    </message>
</context>
<context>
    <name>pgha::DeployPage</name>
    <message>
        <source>Deploy over SSH: not built yet</source>
        <translation>Ausrollen per SSH: noch nicht gebaut</translation>
    </message>
</context>
<context>
    <name>pgha::DesignScene</name>
    <message>
        <source>Move %1 into subnet %2</source>
        <translation>%1 in Subnetz %2 verschieben</translation>
    </message>
</context>
<context>
    <name>pgha::DesignView</name>
    <message>
        <source>Drag a subnet and some nodes from the palette to start.
Three database nodes with etcd and one HAProxy node make a minimal HA cluster.</source>
        <translation>Ziehen Sie zum Beginnen ein Subnetz und einige Knoten aus der Palette.
Drei Datenbankknoten mit etcd und ein HAProxy-Knoten ergeben einen minimalen HA-Cluster.</translation>
    </message>
</context>
<context>
    <name>pgha::Document</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>pgha::LegendWidget</name>
    <message>
        <source>HAProxy → PostgreSQL  %1 primary / %2 replicas, checked on Patroni %3</source>
        <translation>HAProxy → PostgreSQL  %1 Primary / %2 Replicas, geprüft über Patroni %3</translation>
    </message>
    <message>
        <source>Streaming replication  PostgreSQL %1 (any member may lead)</source>
        <translation>Streaming-Replikation  PostgreSQL %1 (jedes Mitglied kann Leader werden)</translation>
    </message>
    <message>
        <source>Patroni → etcd  client port %1 (every member listed)</source>
        <translation>Patroni → etcd  Client-Port %1 (alle Mitglieder eingetragen)</translation>
    </message>
    <message>
        <source>etcd peer mesh  port %1</source>
        <translation>etcd-Peer-Netz  Port %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
</context>
<context>
    <name>pgha::MainWindow</name>
    <message>
        <source>PG HA Designer</source>
        <translation>PG HA Designer</translation>
    </message>
</context>
<context>
    <name>pgha::Palette</name>
    <message>
        <source>Database node</source>
        <translation>Datenbankknoten</translation>
    </message>
    <message>
        <source>etcd node</source>
        <translation>etcd-Knoten</translation>
    </message>
    <message>
        <source>HAProxy node</source>
        <translation>HAProxy-Knoten</translation>
    </message>
    <message>
        <source>Combined node</source>
        <translation>Kombinierter Knoten</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <source>PostgreSQL managed by Patroni</source>
        <translation>PostgreSQL, verwaltet von Patroni</translation>
    </message>
    <message>
        <source>A dedicated etcd member (the DCS)</source>
        <translation>Ein eigenes etcd-Mitglied (der DCS)</translation>
    </message>
    <message>
        <source>Load balancer routing to the primary (5000) and replicas (5001)</source>
        <translation>Load Balancer, leitet zum Primary (5000) und zu den Replicas (5001)</translation>
    </message>
    <message>
        <source>PostgreSQL + Patroni + etcd on one host</source>
        <translation>PostgreSQL + Patroni + etcd auf einem Host</translation>
    </message>
    <message>
        <source>A network zone; hosts dropped into it get its next free address</source>
        <translation>Eine Netzwerkzone; hineingezogene Hosts erhalten ihre nächste freie Adresse</translation>
    </message>
</context>
</TS>
