<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>InputView</name>
    <message numerus="yes">
        <source>%1 of %Ln image(s) checked, %2</source>
        <translation>
            <numerusform>%1 of %Ln image checked, %2</numerusform>
            <numerusform>%1 of %Ln images checked, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunBar</name>
    <message numerus="yes">
        <source>Retry %Ln failed</source>
        <translation>
            <numerusform>Retry %Ln failed</numerusform>
            <numerusform>Retry %Ln failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message numerus="yes">
        <source>%Ln image(s) found</source>
        <translation>
            <numerusform>%Ln image found</numerusform>
            <numerusform>%Ln images found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) so far…</source>
        <translation>
            <numerusform>%Ln image so far…</numerusform>
            <numerusform>%Ln images so far…</numerusform>
        </translation>
    </message>
</context>
</TS>
