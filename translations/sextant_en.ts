<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>sextant::ui::ItemTableModel</name>
    <message numerus="yes">
        <location filename="../ui/ItemTableModel.cpp" line="217"/>
        <source>The vector&apos;s %Ln value(s), averaged into the sparkline</source>
        <translation>
            <numerusform>The vector&apos;s %Ln value, averaged into the sparkline</numerusform>
            <numerusform>The vector&apos;s %Ln values, averaged into the sparkline</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::JsonTreeModel</name>
    <message numerus="yes">
        <location filename="../ui/JsonTreeModel.cpp" line="84"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/JsonTreeModel.cpp" line="85"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="328"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="332"/>
        <source>writes: %Ln queued</source>
        <translation>
            <numerusform>writes: %Ln queued</numerusform>
            <numerusform>writes: %Ln queued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::QueryView</name>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="85"/>
        <source>A vector of %n numbers as JSON, e.g. [0.12, -0.5, ...]</source>
        <translation>
            <numerusform>A vector of %n number as JSON, e.g. [0.12, -0.5, ...]</numerusform>
            <numerusform>A vector of %n numbers as JSON, e.g. [0.12, -0.5, ...]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="238"/>
        <source>Enter a vector of %n numbers.</source>
        <translation>
            <numerusform>Enter a vector of %n number.</numerusform>
            <numerusform>Enter a vector of %n numbers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="481"/>
        <source>%n hit(s) in %1</source>
        <translation>
            <numerusform>%n hit in %1</numerusform>
            <numerusform>%n hits in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::SummaryView</name>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="169"/>
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="237"/>
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="243"/>
        <source>%Ln write(s) queued</source>
        <translation>
            <numerusform>%Ln write queued</numerusform>
            <numerusform>%Ln writes queued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::TaskMonitor</name>
    <message numerus="yes">
        <location filename="../ui/TaskMonitor.cpp" line="87"/>
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
</context>
</TS>
