<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>DemoIndex</name>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="42"/>
        <source>how do sailors find their position at night</source>
        <translation>how do sailors find their position at night</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="70"/>
        <source>Could not make the folder %1 for the demo texts.</source>
        <translation>Impossible de créer le dossier %1 pour les textes de démonstration.</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="82"/>
        <source>Could not write the demo text %1: %2</source>
        <translation>Impossible d’écrire le texte de démonstration %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="89"/>
        <source>This build of Sextant carries no demo texts.</source>
        <translation>Cette version de Sextant ne contient aucun texte de démonstration.</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="134"/>
        <source>The demo text %1 could not be imported: %2</source>
        <translation>Impossible d’importer le texte de démonstration %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="139"/>
        <source>Creating the demo index was cancelled.</source>
        <translation>La création de l’index de démonstration a été annulée.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/ErrorText.cpp" line="103"/>
        <source>Another program is writing to this index.</source>
        <translation>Un autre programme écrit dans cet index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="104"/>
        <source>%1 is writing to this index.</source>
        <translation>%1 écrit dans cet index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="105"/>
        <source>Close the index there, or open it read-only to look at it meanwhile.</source>
        <translation>Fermez l’index dans ce programme, ou ouvrez-le en lecture seule pour le consulter en attendant.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="109"/>
        <source>The index is damaged: a checksum or a structure check failed.</source>
        <translation>L’index est endommagé&#xa0;: une somme de contrôle ou une vérification de structure a échoué.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="110"/>
        <source>Open it in the Integrity view: Full Verify shows what is damaged, and Plan Repair… mends it after making a backup.</source>
        <translation>Ouvrez-le dans la vue «&#xa0;Intégrité&#xa0;»&#xa0;: «&#xa0;Vérification complète&#xa0;» montre ce qui est endommagé, et «&#xa0;Planifier la réparation…&#xa0;» le répare après avoir fait une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="114"/>
        <source>The vector has the wrong number of dimensions for this index.</source>
        <translation>Le vecteur n’a pas le bon nombre de dimensions pour cet index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="115"/>
        <source>Give exactly as many numbers as the index has dimensions (its Summary shows them).</source>
        <translation>Saisissez exactement autant de nombres que l’index a de dimensions (sa «&#xa0;Vue d’ensemble&#xa0;» les indique).</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="118"/>
        <source>The embedding server could not be reached, or kept failing.</source>
        <translation>Le serveur de plongements n’a pas pu être joint ou a échoué à plusieurs reprises.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="119"/>
        <source>Check that the server is running and that SEXTANT_EMBED_URL names it, then try again.</source>
        <translation>Vérifiez que le serveur est en marche et que SEXTANT_EMBED_URL le désigne, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="122"/>
        <source>The embedding server refused access.</source>
        <translation>Le serveur de plongements a refusé l’accès.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="123"/>
        <source>Set SEXTANT_EMBED_API_KEY to a key the server accepts (and check the account&apos;s credit), then start Sextant again.</source>
        <translation>Donnez à SEXTANT_EMBED_API_KEY une clé que le serveur accepte (et vérifiez le crédit du compte), puis redémarrez Sextant.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="127"/>
        <source>The embedding server does not offer that model.</source>
        <translation>Le serveur de plongements ne propose pas ce modèle.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="128"/>
        <source>Check SEXTANT_EMBED_MODEL and that the model is loaded on the server; the base URL usually ends with /v1.</source>
        <translation>Vérifiez SEXTANT_EMBED_MODEL et que le modèle est chargé sur le serveur&#x202f;; l’URL de base se termine généralement par /v1.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="132"/>
        <source>The embedder&apos;s vectors do not fit this index: their number of dimensions differs.</source>
        <translation>Les vecteurs du modèle de plongement ne conviennent pas à cet index&#xa0;: leur nombre de dimensions diffère.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="133"/>
        <source>Use the embedder and model the index was made with, or create a new index for this one.</source>
        <translation>Utilisez le modèle de plongement avec lequel l’index a été créé, ou créez un nouvel index pour ce modèle.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="136"/>
        <source>The disk is full.</source>
        <translation>Le disque est plein.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="137"/>
        <source>Free some space on the disk that holds the index, or choose a folder on another disk, then try again. Writes that were acknowledged are safe.</source>
        <translation>Libérez de l’espace sur le disque qui contient l’index, ou choisissez un dossier sur un autre disque, puis réessayez. Les écritures déjà confirmées sont en sécurité.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="141"/>
        <source>Sextant is not allowed to use this file or folder.</source>
        <translation>Sextant n’est pas autorisé à utiliser ce fichier ou ce dossier.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="142"/>
        <source>Check its permissions, or choose a folder of your own.</source>
        <translation>Vérifiez les droits d’accès, ou choisissez un dossier qui vous appartient.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="145"/>
        <source>The disk is mounted read-only.</source>
        <translation>Le disque est monté en lecture seule.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="146"/>
        <source>Open the index read-only, or copy it to a disk you can write to.</source>
        <translation>Ouvrez l’index en lecture seule, ou copiez-le sur un disque accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="149"/>
        <source>This index is open read-only, so it cannot be changed here.</source>
        <translation>Cet index est ouvert en lecture seule&#xa0;: il ne peut donc pas être modifié ici.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="150"/>
        <source>Close it in the program that writes it, then choose Open for Writing.</source>
        <translation>Fermez-le dans le programme qui y écrit, puis choisissez «&#xa0;Ouvrir en écriture&#xa0;».</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="155"/>
        <source>There is no Sextant index in this folder.</source>
        <translation>Ce dossier ne contient aucun index Sextant.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="156"/>
        <source>It has no MANIFEST file, which every index keeps. Choose another folder, or create a new index.</source>
        <translation>Il n’a pas de fichier MANIFEST, que tout index possède. Choisissez un autre dossier, ou créez un nouvel index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="161"/>
        <source>The folder does not exist.</source>
        <translation>Le dossier n’existe pas.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="162"/>
        <source>It may have been moved, renamed or deleted. Choose another folder, or create a new index.</source>
        <translation>Il a peut-être été déplacé, renommé ou supprimé. Choisissez un autre dossier, ou créez un nouvel index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="167"/>
        <source>Sextant could not find what it was asked for.</source>
        <translation>Sextant n’a pas trouvé ce qui lui était demandé.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="168"/>
        <source>It may have been moved, renamed or deleted; check the path or the id.</source>
        <translation>L’objet a peut-être été déplacé, renommé ou supprimé&#x202f;; vérifiez le chemin ou l’identifiant.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="171"/>
        <source>That already exists.</source>
        <translation>Cela existe déjà.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="173"/>
        <source>Choose an empty or new folder, or open the index that is there.</source>
        <translation>Choisissez un dossier vide ou nouveau, ou ouvrez l’index qui s’y trouve.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="174"/>
        <source>Choose another name, or change the one that exists.</source>
        <translation>Choisissez un autre nom, ou modifiez celui qui existe déjà.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="177"/>
        <source>The input could not be read.</source>
        <translation>Les données d’entrée n’ont pas pu être lues.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="178"/>
        <source>The line below says where; correct it and try again. Nothing was changed.</source>
        <translation>La ligne ci-dessous indique l’endroit&#x202f;; corrigez l’erreur et réessayez. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="181"/>
        <source>The filter is not valid.</source>
        <translation>Le filtre n’est pas valide.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="182"/>
        <source>Correct it where the line below says; the filter language is described in docs/filters.md.</source>
        <translation>Corrigez-le à l’endroit qu’indique la ligne ci-dessous&#x202f;; le langage des filtres est décrit dans docs/filters.md.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="186"/>
        <source>Sextant cannot read this format.</source>
        <translation>Sextant ne sait pas lire ce format.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="187"/>
        <source>It may come from a newer Sextant or another program: update Sextant, or convert it to a format Sextant reads.</source>
        <translation>Le fichier provient peut-être d’une version plus récente de Sextant ou d’un autre programme&#xa0;: mettez Sextant à jour, ou convertissez le fichier dans un format que Sextant sait lire.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="191"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="192"/>
        <source>What was finished before stays as it is; start again to do the rest.</source>
        <translation>Ce qui était déjà terminé reste tel quel&#x202f;; relancez l’opération pour faire le reste.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="195"/>
        <source>The index has been closed.</source>
        <translation>L’index a été fermé.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="196"/>
        <source>Open it again; if it closed after an error, verify it in the Integrity view.</source>
        <translation>Rouvrez-le&#x202f;; s’il a été fermé après une erreur, vérifiez-le dans la vue «&#xa0;Intégrité&#xa0;».</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="199"/>
        <source>The search graph is still being built.</source>
        <translation>Le graphe de recherche est encore en cours de construction.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="200"/>
        <source>Try again in a moment, or search exactly meanwhile.</source>
        <translation>Réessayez dans un instant, ou lancez une recherche exacte en attendant.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="203"/>
        <source>The input was refused; nothing was changed.</source>
        <translation>Les données fournies ont été refusées&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="204"/>
        <source>The line below says what to correct.</source>
        <translation>La ligne ci-dessous indique ce qu’il faut corriger.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="207"/>
        <source>The operating system refused to read or write a file.</source>
        <translation>Le système d’exploitation a refusé de lire ou d’écrire un fichier.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="208"/>
        <source>Check that the disk is connected and working, then try again; Full Verify checks the index&apos;s files.</source>
        <translation>Vérifiez que le disque est connecté et fonctionne, puis réessayez&#x202f;; «&#xa0;Vérification complète&#xa0;» contrôle les fichiers de l’index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="211"/>
        <source>Something went wrong.</source>
        <translation>Une erreur s’est produite.</translation>
    </message>
</context>
<context>
    <name>ExportTask</name>
    <message>
        <location filename="../ui/ExportTask.cpp" line="25"/>
        <source>Sextant could not write %1: %2</source>
        <translation>Sextant n’a pas pu écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="53"/>
        <source>The ids, one per line in the order of the rows, are in %1.</source>
        <translation>Les identifiants se trouvent dans %1, un par ligne, dans l’ordre des lignes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportTask.cpp" line="90"/>
        <source>%n file(s) of the index folder, %1 before compression.</source>
        <translation>
            <numerusform>%n fichier du dossier de l’index, %1 avant compression.</numerusform>
            <numerusform>%n fichiers du dossier de l’index, %1 avant compression.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="107"/>
        <source>JSON Lines (.jsonl)</source>
        <translation>JSON Lines (.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="108"/>
        <source>NumPy array (.npy) and its ids</source>
        <translation>Tableau NumPy (.npy) et ses identifiants</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="109"/>
        <source>Vectra index folder</source>
        <translation>Dossier d’index Vectra</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="110"/>
        <source>Backup archive (.tar.zst)</source>
        <translation>Archive de sauvegarde (.tar.zst)</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="136"/>
        <source>The export failed: %1</source>
        <translation>L’export a échoué&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportTask.cpp" line="139"/>
        <source>Exported %n item(s) (%1) to %2.</source>
        <translation>
            <numerusform>%n élément (%1) exporté vers %2.</numerusform>
            <numerusform>%n éléments (%1) exportés vers %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="141"/>
        <source>Wrote %1 to %2.</source>
        <translation>%1 écrit dans %2.</translation>
    </message>
</context>
<context>
    <name>FilterHints</name>
    <message>
        <location filename="../ui/FilterHints.cpp" line="14"/>
        <source>numbers</source>
        <translation>des nombres</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="15"/>
        <source>strings</source>
        <translation>des chaînes</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="16"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="24"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="25"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="26"/>
        <source>a boolean</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="45"/>
        <source>%1 holds %2; %3 is %4, so it matches nothing.</source>
        <translation>%1 contient %2&#x202f;; %3 est %4, le filtre ne trouve donc rien.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../ui/Format.cpp" line="40"/>
        <location filename="../ui/Format.cpp" line="41"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="15"/>
        <source>exact scan of every item</source>
        <translation>parcours exact de tous les éléments</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="42"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="16"/>
        <source>exact scan of the matching items</source>
        <translation>parcours exact des éléments retenus</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="17"/>
        <source>HNSW graph search</source>
        <translation>recherche dans le graphe HNSW</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="19"/>
        <source>HNSW graph search, keeping the matching items</source>
        <translation>recherche dans le graphe HNSW, éléments retenus gardés</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="21"/>
        <source>scan of the matching items&apos; 8-bit codes, the best reranked exactly</source>
        <translation>parcours des codes 8 bits des éléments retenus, les meilleurs reclassés exactement</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="31"/>
        <source>meaning and keywords, fused by rank</source>
        <translation>sens et mots-clés, fusionnés par rang</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="32"/>
        <source>by meaning (vector search)</source>
        <translation>par le sens (recherche vectorielle)</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="33"/>
        <source>by keywords (BM25)</source>
        <translation>par mots-clés (BM25)</translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message>
        <location filename="../ui/ImportTask.cpp" line="59"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="60"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="103"/>
        <source>documents</source>
        <translation>documents</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="104"/>
        <source>Vectra index</source>
        <translation>index Vectra</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="105"/>
        <source>LangChain HNSWLib folder</source>
        <translation>dossier HNSWLib de LangChain</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="106"/>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="107"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="108"/>
        <source>NumPy array</source>
        <translation>tableau NumPy</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="109"/>
        <source>fvecs</source>
        <translation>fvecs</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="110"/>
        <source>bvecs</source>
        <translation>bvecs</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="118"/>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="119"/>
        <source>a Sextant index: it opens instead</source>
        <translation>un index Sextant&#xa0;: il sera ouvert à la place</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="120"/>
        <source>not a document or a vector file: not imported</source>
        <translation>ni un document ni un fichier de vecteurs&#xa0;: non importé</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="122"/>
        <source>vectors: %1 folder</source>
        <translation>vecteurs&#xa0;: dossier %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="123"/>
        <source>vectors: %1, %2</source>
        <translation>vecteurs&#xa0;: %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="125"/>
        <source>documents: a folder (every document in it)</source>
        <translation>documents&#xa0;: un dossier (tous les documents qu’il contient)</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="126"/>
        <source>documents: %1</source>
        <translation>documents&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="134"/>
        <source>There is no file or folder at this path.</source>
        <translation>Il n’y a ni fichier ni dossier à cet emplacement.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="136"/>
        <source>This folder is a Sextant index: open it, or export it to a format to import.</source>
        <translation>Ce dossier est un index Sextant&#xa0;: ouvrez-le, ou exportez-le dans un format importable.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="138"/>
        <source>Not a document Sextant reads (text, Markdown, HTML, PDF, source code, or a zip or tar archive of them) nor a vector file.</source>
        <translation>Ni un document que Sextant sait lire (texte, Markdown, HTML, PDF, code source, ou archive zip ou tar de ceux-ci), ni un fichier de vecteurs.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="148"/>
        <source>This index holds vectors made elsewhere, so Sextant cannot embed documents into it. Create a new index for documents.</source>
        <translation>Cet index contient des vecteurs calculés ailleurs&#xa0;: Sextant ne peut donc pas y plonger de documents. Créez un nouvel index pour les documents.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="169"/>
        <source>Sextant could not read %1: %2</source>
        <translation>Sextant n’a pas pu lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="173"/>
        <source>There is nothing to import: none of the paths exists.</source>
        <translation>Il n’y a rien à importer&#xa0;: aucun des chemins n’existe.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="184"/>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="185"/>
        <source>replaced</source>
        <translation>remplacé</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="186"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="187"/>
        <source>added in part</source>
        <translation>ajouté en partie</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="188"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="196"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n ajouté</numerusform>
            <numerusform>%n ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="197"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>%n remplacé</numerusform>
            <numerusform>%n remplacés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="198"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n inchangé</numerusform>
            <numerusform>%n inchangés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="199"/>
        <source>%n added in part</source>
        <translation>
            <numerusform>%n ajouté en partie</numerusform>
            <numerusform>%n ajoutés en partie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="200"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="202"/>
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="203"/>
        <source>%n file(s): %1.</source>
        <translation>
            <numerusform>%n fichier&#xa0;: %1.</numerusform>
            <numerusform>%n fichiers&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="205"/>
        <source>%n item(s) written in %1.</source>
        <translation>
            <numerusform>%n élément écrit en %1.</numerusform>
            <numerusform>%n éléments écrits en %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="208"/>
        <source>%n file(s) in folders or archives were no documents and were skipped.</source>
        <translation>
            <numerusform>%n fichier de dossiers ou d’archives n’était pas un document et a été ignoré.</numerusform>
            <numerusform>%n fichiers de dossiers ou d’archives n’étaient pas des documents et ont été ignorés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="210"/>
        <source>Cancelled: what was written before stays in the index.</source>
        <translation>Annulé&#xa0;: ce qui a déjà été écrit reste dans l’index.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="211"/>
        <source>The import stopped: %1</source>
        <translation>L’import s’est arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="299"/>
        <location filename="../ui/ImportTask.cpp" line="311"/>
        <source>Reading vectors</source>
        <translation>Lecture des vecteurs</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="327"/>
        <source>Stopped after %n item(s): %1</source>
        <translation>
            <numerusform>Arrêt après %n élément&#xa0;: %1</numerusform>
            <numerusform>Arrêt après %n éléments&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="333"/>
        <source>%n item(s) left out</source>
        <translation>
            <numerusform>%n élément écarté</numerusform>
            <numerusform>%n éléments écartés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="334"/>
        <source>, the first: %1</source>
        <translation>, le premier&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="338"/>
        <source>Cancelled after %n item(s).</source>
        <translation>
            <numerusform>Annulé après %n élément.</numerusform>
            <numerusform>Annulé après %n éléments.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="341"/>
        <source>The source holds no items.</source>
        <translation>La source ne contient aucun élément.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="370"/>
        <source>Embedding documents</source>
        <translation>Plongement des documents</translation>
    </message>
</context>
<context>
    <name>IntegrityHealth</name>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="57"/>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="58"/>
        <source>good</source>
        <translation>bon</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="59"/>
        <source>note</source>
        <translation>remarque</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="60"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="61"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="62"/>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="70"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="71"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="72"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="109"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="110"/>
        <source>Cut the log&apos;s tail</source>
        <translation>Couper la fin du journal</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="111"/>
        <source>Salvage the log</source>
        <translation>Récupérer le journal</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="112"/>
        <source>Rebuild the graph</source>
        <translation>Reconstruire le graphe</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="113"/>
        <source>Rebuild the id map</source>
        <translation>Reconstruire la table des identifiants</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="115"/>
        <source>Use the previous manifest</source>
        <translation>Utiliser le manifeste précédent</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="116"/>
        <source>Rewrite the segment</source>
        <translation>Réécrire le segment</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="117"/>
        <source>Move to quarantine</source>
        <translation>Mettre en quarantaine</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="119"/>
        <source>Take over the stale lock</source>
        <translation>Reprendre le verrou périmé</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/Projection.cpp" line="236"/>
        <source>Sampling items</source>
        <translation>Échantillonnage des éléments</translation>
    </message>
    <message>
        <location filename="../ui/Projection.cpp" line="241"/>
        <source>Reading vectors</source>
        <translation>Lecture des vecteurs</translation>
    </message>
    <message>
        <location filename="../ui/Projection.cpp" line="296"/>
        <source>Computing principal components</source>
        <translation>Calcul des composantes principales</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../ui/QtStrings.cpp" line="14"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="14"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="15"/>
        <source>Save All</source>
        <translation>Tout enregistrer</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="15"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="16"/>
        <source>&amp;Yes</source>
        <translation>&amp;Oui</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="16"/>
        <source>Yes to &amp;All</source>
        <translation>Oui à &amp;tout</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="17"/>
        <source>&amp;No</source>
        <translation>&amp;Non</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="17"/>
        <source>N&amp;o to All</source>
        <translation>Non à to&amp;ut</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="18"/>
        <source>Abort</source>
        <translation>Interrompre</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="18"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="19"/>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="19"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="20"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="20"/>
        <source>Discard</source>
        <translation>Ne pas enregistrer</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="21"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="21"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="22"/>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="22"/>
        <source>Restore Defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../ui/SummaryView.cpp" line="82"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="46"/>
        <source>The demo index is in %1 already.</source>
        <translation>L’index de démonstration se trouve déjà dans %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="52"/>
        <source>Could not create the demo index in %1.</source>
        <translation>Impossible de créer l’index de démonstration dans %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main.cpp" line="63"/>
        <source>Made the demo index in %1: %n document(s), %2 chunks, in %3 s.</source>
        <translation>
            <numerusform>Index de démonstration créé dans %1&#xa0;: %n document, %2 fragments, en %3 s.</numerusform>
            <numerusform>Index de démonstration créé dans %1&#xa0;: %n documents, %2 fragments, en %3 s.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="119"/>
        <source>Workbench for local vector indexes.</source>
        <translation>Atelier pour index vectoriels locaux.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="122"/>
        <source>Index folders to open.</source>
        <translation>Dossiers d’index à ouvrir.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="125"/>
        <source>Do not reopen the indexes open at the last exit.</source>
        <translation>Ne pas rouvrir les index ouverts lors de la dernière fermeture.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="129"/>
        <source>Make the demo index in PATH (unless it exists) and exit.</source>
        <translation>Créer l’index de démonstration dans PATH (s’il n’existe pas encore) et quitter.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="135"/>
        <source>Open the demo index in PATH, making it first when missing.</source>
        <translation>Ouvrir l’index de démonstration dans PATH, en le créant d’abord s’il n’existe pas.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::BrowseView</name>
    <message>
        <location filename="../ui/BrowseView.cpp" line="103"/>
        <source>A metadata filter in the filter language. Applied on Enter or after a short pause.</source>
        <translation>Un filtre sur les métadonnées, dans le langage de filtre. Appliqué avec Entrée ou après une courte pause.</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="118"/>
        <source>Filter, e.g. {&quot;colour&quot;: &quot;red&quot;, &quot;n&quot;: {&quot;$gt&quot;: 5}}, or an id to go to (Enter to apply)</source>
        <translation>Filtre, p.&#xa0;ex. {&quot;colour&quot;: &quot;red&quot;, &quot;n&quot;: {&quot;$gt&quot;: 5}}, ou un identifiant où aller (Entrée pour appliquer)</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="229"/>
        <source>Could not list the items: %1</source>
        <translation>Impossible de lister les éléments&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="429"/>
        <source>&lt;b&gt;Line %1, column %2:&lt;/b&gt; %3</source>
        <translation>&lt;b&gt;Ligne %1, colonne %2&#xa0;:&lt;/b&gt; %3</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="471"/>
        <source>counting… %1 so far</source>
        <translation>comptage… %1 pour l’instant</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="471"/>
        <source>counting…</source>
        <translation>comptage…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="475"/>
        <source>%1 of %Ln item(s)</source>
        <translation>
            <numerusform>%1 sur %Ln élément</numerusform>
            <numerusform>%1 sur %Ln éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="476"/>
        <source>%Ln item(s) match</source>
        <translation>
            <numerusform>%Ln élément correspond</numerusform>
            <numerusform>%Ln éléments correspondent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="478"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="482"/>
        <source>%1 · sorted in %2</source>
        <translation>%1 · trié en %2</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="486"/>
        <source>No items match this filter.</source>
        <translation>Aucun élément ne correspond à ce filtre.</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="487"/>
        <source>This index has no items yet. Drop vectors or documents here, or insert with sextant-cli.</source>
        <translation>Cet index n’a encore aucun élément. Déposez ici des vecteurs ou des documents, ou insérez-les avec sextant-cli.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="583"/>
        <source>Copy Id(s)</source>
        <translation>
            <numerusform>Copier l’identifiant</numerusform>
            <numerusform>Copier les identifiants</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="584"/>
        <source>Copy as JSON Lines</source>
        <translation>Copier en JSON Lines</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="586"/>
        <source>Copy Vector(s)</source>
        <translation>
            <numerusform>Copier le vecteur</numerusform>
            <numerusform>Copier les vecteurs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="587"/>
        <source>Copy as Python List</source>
        <translation>Copier en liste Python</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="590"/>
        <source>Find Similar</source>
        <translation>Trouver des semblables</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="593"/>
        <source>Delete %n Item(s)</source>
        <translation>
            <numerusform>Supprimer %n élément</numerusform>
            <numerusform>Supprimer %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="598"/>
        <source>The index is open read-only.</source>
        <translation>L’index est ouvert en lecture seule.</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="373"/>
        <source>No item has the id &quot;%1&quot;, and no id starts with it.</source>
        <translation>Aucun élément n’a l’identifiant «&#xa0;%1&#xa0;», et aucun identifiant ne commence ainsi.</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="402"/>
        <source>Enter goes to the item whose id is or starts with &quot;%1&quot;.</source>
        <translation>Entrée mène à l’élément dont l’identifiant est ou commence par «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="421"/>
        <source>%1; expected %2</source>
        <translation>%1&#x202f;; attendu&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="469"/>
        <source>sorting…</source>
        <translation>tri en cours…</translation>
    </message>
</context>
<context>
    <name>sextant::ui::CompareDialog</name>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="58"/>
        <source>similar to %1</source>
        <translation>similaire à %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CompareDialog.cpp" line="60"/>
        <source>a vector of %n dimension(s)</source>
        <translation>
            <numerusform>un vecteur de %n dimension</numerusform>
            <numerusform>un vecteur de %n dimensions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="69"/>
        <source>Compare %1 with Another Index</source>
        <translation>Comparer %1 avec un autre index</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="80"/>
        <source>The query in the form: %1</source>
        <translation>La requête du formulaire&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="81"/>
        <source>The query in the form (there is none yet)</source>
        <translation>La requête du formulaire (aucune pour l’instant)</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="84"/>
        <source>Items sampled from this index, each as &quot;similar to&quot;:</source>
        <translation>Éléments échantillonnés de cet index, chacun en «&#xa0;similaire à&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="85"/>
        <source>A file of queries (one a line: text, a JSON vector or {&quot;id&quot;: …}):</source>
        <translation>Un fichier de requêtes (une par ligne&#xa0;: texte, vecteur JSON ou {&quot;id&quot;&#xa0;: …})&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="91"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="93"/>
        <source>Query File</source>
        <translation>Fichier de requêtes</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="100"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="105"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="118"/>
        <location filename="../ui/CompareDialog.cpp" line="257"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="126"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="126"/>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="126"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="126"/>
        <source>Rank in the other</source>
        <translation>Rang dans l’autre</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="152"/>
        <source>Compare with:</source>
        <translation>Comparer avec&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="165"/>
        <source>Queries:</source>
        <translation>Requêtes&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="170"/>
        <source>Results per query (k):</source>
        <translation>Résultats par requête (k)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="198"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="210"/>
        <source>Open another index (File ▸ Open Index…) to compare this one with it.</source>
        <translation>Ouvrez un autre index (Fichier ▸ Ouvrir un index…) pour comparer celui-ci avec lui.</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="270"/>
        <source>Query %1 of %2</source>
        <translation>Requête %1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="298"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="312"/>
        <source>Comparing two indexes</source>
        <translation>Comparaison de deux index</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="319"/>
        <source>Preparing the queries</source>
        <translation>Préparation des requêtes</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="336"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="342"/>
        <source>The indexes could not be compared: %1</source>
        <translation>Impossible de comparer les index&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CompareDialog.cpp" line="347"/>
        <source>Mean overlap@%1: %2 over %Ln query(s); mean rank correlation of the shared hits: %3.</source>
        <translation>
            <numerusform>Recouvrement moyen@%1&#xa0;: %2 sur %Ln requête&#x202f;; corrélation moyenne des rangs des résultats communs&#xa0;: %3.</numerusform>
            <numerusform>Recouvrement moyen@%1&#xa0;: %2 sur %Ln requêtes&#x202f;; corrélation moyenne des rangs des résultats communs&#xa0;: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CompareDialog.cpp" line="354"/>
        <source>%Ln sampled item(s) are not in the other index and were left out.</source>
        <translation>
            <numerusform>%Ln élément échantillonné n’est pas dans l’autre index et a été omis.</numerusform>
            <numerusform>%Ln éléments échantillonnés ne sont pas dans l’autre index et ont été omis.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="359"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="371"/>
        <source>%1 — overlap@%2 %3 (%4 shared), rank correlation %5</source>
        <translation>%1 — recouvrement@%2 %3 (%4 en commun), corrélation des rangs %5</translation>
    </message>
</context>
<context>
    <name>sextant::ui::DuplicatesModel</name>
    <message numerus="yes">
        <location filename="../ui/DuplicatesModel.cpp" line="176"/>
        <source>Group %1: %Ln item(s)</source>
        <translation>
            <numerusform>Groupe %1&#xa0;: %Ln élément</numerusform>
            <numerusform>Groupe %1&#xa0;: %Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesModel.cpp" line="217"/>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesModel.cpp" line="220"/>
        <source>Best similarity</source>
        <translation>Meilleure similarité</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesModel.cpp" line="221"/>
        <source>Best inner product</source>
        <translation>Meilleur produit scalaire</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesModel.cpp" line="222"/>
        <source>Closest distance</source>
        <translation>Plus petite distance</translation>
    </message>
</context>
<context>
    <name>sextant::ui::DuplicatesView</name>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="42"/>
        <source>Waiting for the neighbour graph</source>
        <translation>Attente du graphe de voisinage</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="43"/>
        <location filename="../ui/DuplicatesView.cpp" line="292"/>
        <source>Listing the items</source>
        <translation>Liste des éléments</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="44"/>
        <source>Checking %1 of %2 candidates exactly</source>
        <translation>Vérification exacte&#xa0;: %1 candidats sur %2</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="45"/>
        <source>Neighbours of %1 of %2 items</source>
        <translation>Voisins de %1 éléments sur %2</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="119"/>
        <source>Optional filter, e.g. {&quot;lang&quot;: &quot;en&quot;}</source>
        <translation>Filtre facultatif, p. ex. {&quot;lang&quot;&#xa0;: &quot;en&quot;}</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="121"/>
        <source>Find Duplicates</source>
        <translation>Chercher les doublons</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="124"/>
        <source>Look at every item&apos;s nearest neighbours in the graph and group the items at least this similar</source>
        <translation>Examiner les plus proches voisins de chaque élément dans le graphe et regrouper les éléments au moins aussi similaires</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="128"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="134"/>
        <source>Find groups of items that are near-copies of each other: the same passage imported twice, a re-scraped page.</source>
        <translation>Trouver les groupes d’éléments qui sont des quasi-copies les uns des autres&#xa0;: le même passage importé deux fois, une page récupérée à nouveau.</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="187"/>
        <source>Keep One per Group</source>
        <translation>Garder un par groupe</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="189"/>
        <source>Check every item of every group except the one to keep</source>
        <translation>Cocher tous les éléments de chaque groupe sauf celui à garder</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="191"/>
        <location filename="../ui/DuplicatesView.cpp" line="274"/>
        <source>Delete Checked</source>
        <translation>Supprimer les cochés</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="193"/>
        <source>Delete the checked items as one batch (Edit ▸ Undo puts them back)</source>
        <translation>Supprimer les éléments cochés en un seul lot (Édition ▸ Annuler les rétablit)</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="199"/>
        <source>Filter:</source>
        <translation>Filtre&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="205"/>
        <source>Keep:</source>
        <translation>Garder&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="223"/>
        <source>(The index has changed since: Find Duplicates again to update.)</source>
        <translation>(L’index a changé depuis&#xa0;: relancez «&#xa0;Chercher les doublons&#xa0;» pour mettre à jour.)</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="239"/>
        <source>Similarity at least:</source>
        <translation>Similarité au moins&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="242"/>
        <source>Cosine similarity: 1 for the same direction; 0.98 catches near-copies</source>
        <translation>Similarité cosinus&#xa0;: 1 pour la même direction&#x202f;; 0,98 trouve les quasi-copies</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="245"/>
        <source>Inner product at least:</source>
        <translation>Produit scalaire au moins&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="248"/>
        <source>The inner product of two items; it depends on the vectors&apos; lengths</source>
        <translation>Le produit scalaire de deux éléments&#x202f;; il dépend de la longueur des vecteurs</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="251"/>
        <source>Distance at most:</source>
        <translation>Distance au plus&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="254"/>
        <source>Euclidean distance: 0 for identical vectors</source>
        <translation>Distance euclidienne&#xa0;: 0 pour des vecteurs identiques</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="274"/>
        <source>Delete %Ln Checked</source>
        <translation>
            <numerusform>Supprimer %Ln coché</numerusform>
            <numerusform>Supprimer %Ln cochés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="275"/>
        <source>The index is open read-only.</source>
        <translation>L’index est ouvert en lecture seule.</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="287"/>
        <source>Finding duplicates</source>
        <translation>Recherche des doublons</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="308"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="315"/>
        <source>Duplicates could not be found: %1</source>
        <translation>Impossible de chercher les doublons&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="324"/>
        <source>%Ln item(s) searched</source>
        <translation>
            <numerusform>%Ln élément examiné</numerusform>
            <numerusform>%Ln éléments examinés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="325"/>
        <source>No duplicates: %1.</source>
        <translation>Aucun doublon&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="326"/>
        <source>%Ln group(s) of near-duplicates, %1 items in all; %2.</source>
        <translation>
            <numerusform>%Ln groupe de quasi-doublons, %1 éléments en tout&#x202f;; %2.</numerusform>
            <numerusform>%Ln groupes de quasi-doublons, %1 éléments en tout&#x202f;; %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="331"/>
        <source>the first (by id)</source>
        <translation>le premier (par identifiant)</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="332"/>
        <source>the last (by id)</source>
        <translation>le dernier (par identifiant)</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="334"/>
        <source>the greatest %1</source>
        <translation>celui au plus grand %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="371"/>
        <source>Deleted %Ln item(s) as one batch; Edit ▸ Undo puts them back.</source>
        <translation>
            <numerusform>%Ln élément supprimé en un seul lot&#x202f;; Édition ▸ Annuler le rétablit.</numerusform>
            <numerusform>%Ln éléments supprimés en un seul lot&#x202f;; Édition ▸ Annuler les rétablit.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="380"/>
        <source>Select an item to compare it with another of its group.</source>
        <translation>Sélectionnez un élément pour le comparer avec un autre de son groupe.</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="390"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="391"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (the differences are marked)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (les différences sont marquées)</translation>
    </message>
</context>
<context>
    <name>sextant::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="23"/>
        <source>Export %1</source>
        <translation>Exporter %1</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="33"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="37"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="40"/>
        <source>&amp;Destination:</source>
        <translation>&amp;Destination&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="64"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="67"/>
        <source>Cancel Export</source>
        <translation>Annuler l’export</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="117"/>
        <source>One JSON object per line with id, vector and metadata, in id order: what &quot;sextant-cli insert&quot; and most tools read.</source>
        <translation>Un objet JSON par ligne avec identifiant, vecteur et métadonnées, dans l’ordre des identifiants&#xa0;: ce que lisent «&#xa0;sextant-cli insert&#xa0;» et la plupart des outils.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="121"/>
        <source>The vectors as a float32 matrix (items × dimensions) for NumPy; the metadata is not exported.</source>
        <translation>Les vecteurs sous forme de matrice float32 (éléments × dimensions) pour NumPy&#x202f;; les métadonnées ne sont pas exportées.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="125"/>
        <source>A Vectra LocalIndex folder (index.json) that Vectra opens and queries. The folder must not hold an index yet.</source>
        <translation>Un dossier LocalIndex de Vectra (index.json), que Vectra ouvre et interroge. Le dossier ne doit pas déjà contenir d’index.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="129"/>
        <source>The index as it is now (its manifest, segments, graph and log) in one compressed archive; File ▸ Restore Backup… turns it into an index again.</source>
        <translation>L’index tel qu’il est maintenant (manifeste, segments, graphe et journal) dans une archive compressée&#x202f;; Fichier ▸ Restaurer une sauvegarde… en refait un index.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="141"/>
        <source>New Vectra Folder</source>
        <translation>Nouveau dossier Vectra</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="146"/>
        <source>Export to JSON Lines</source>
        <translation>Exporter en JSON Lines</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="146"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="149"/>
        <source>Export to NumPy</source>
        <translation>Exporter pour NumPy</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="149"/>
        <source>NumPy arrays (*.npy)</source>
        <translation>Tableaux NumPy (*.npy)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="152"/>
        <source>Backup Archive</source>
        <translation>Archive de sauvegarde</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="152"/>
        <source>Archives (*.tar.zst)</source>
        <translation>Archives (*.tar.zst)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="162"/>
        <source>The ids go to %1.</source>
        <translation>Les identifiants vont dans %1.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="181"/>
        <source>Exporting %1</source>
        <translation>Export de %1</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="190"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="201"/>
        <source>Export cancelled: no export was completed.</source>
        <translation>Export annulé&#xa0;: aucun export n’a été mené à terme.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::FilterEdit</name>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="107"/>
        <source>Filter (optional), e.g. {&quot;genre&quot;: &quot;jazz&quot;, &quot;year&quot;: {&quot;$gte&quot;: 1960}}</source>
        <translation>Filtre (facultatif), p. ex. {&quot;genre&quot;: &quot;jazz&quot;, &quot;year&quot;: {&quot;$gte&quot;: 1960}}</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="135"/>
        <source>a bool</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="136"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="137"/>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="138"/>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="139"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="190"/>
        <source>an operator, one of %1</source>
        <translation>un opérateur, l’un de %1</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="192"/>
        <source>one of %1 (write &quot;%2&quot; to reach a nested field)</source>
        <translation>l’un de %1 (écrivez «&#xa0;%2&#xa0;» pour atteindre un champ imbriqué)</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="216"/>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="217"/>
        <source>Line %1, column %2: %3; expected %4</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3&#x202f;; attendu&#xa0;: %4</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="152"/>
        <source>unexpected end of text</source>
        <translation>fin de texte inattendue</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="153"/>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>caractère inattendu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="154"/>
        <source>unexpected byte %1</source>
        <translation>octet inattendu %1</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="159"/>
        <source>unknown operator &quot;%1&quot;</source>
        <translation>opérateur inconnu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="158"/>
        <source>duplicate key &quot;%1&quot;</source>
        <translation>clé en double «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="168"/>
        <source>%1 after the end of the filter</source>
        <translation>%1 après la fin du filtre</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="161"/>
        <source>empty condition on field &quot;%1&quot;</source>
        <translation>condition vide sur le champ «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="163"/>
        <source>nested key &quot;%1&quot; in the condition on field &quot;%2&quot;</source>
        <translation>clé imbriquée «&#xa0;%1&#xa0;» dans la condition sur le champ «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="165"/>
        <source>%1 as the value of field &quot;%2&quot;</source>
        <translation>%1 comme valeur du champ «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="166"/>
        <source>%1 as the operand of %2</source>
        <translation>%1 comme opérande de %2</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="160"/>
        <source>empty field name</source>
        <translation>nom de champ vide</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="155"/>
        <source>unterminated string</source>
        <translation>chaîne non terminée</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="156"/>
        <source>number with a leading zero</source>
        <translation>nombre commençant par un zéro</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="157"/>
        <source>number out of range</source>
        <translation>nombre hors limites</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="176"/>
        <source>a value</source>
        <translation>une valeur</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="177"/>
        <source>&apos;:&apos;</source>
        <translation>&apos;:&apos;</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="178"/>
        <source>&apos;,&apos; or &apos;}&apos;</source>
        <translation>&apos;,&apos; ou &apos;}&apos;</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="179"/>
        <source>&apos;,&apos; or &apos;]&apos;</source>
        <translation>&apos;,&apos; ou &apos;]&apos;</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="180"/>
        <source>a field name</source>
        <translation>un nom de champ</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="181"/>
        <source>a filter object {...}</source>
        <translation>un objet filtre {...}</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="182"/>
        <source>$and, $or or a field name</source>
        <translation>$and, $or ou un nom de champ</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="183"/>
        <source>a string, number or bool</source>
        <translation>une chaîne, un nombre ou un booléen</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="184"/>
        <source>a number or string</source>
        <translation>un nombre ou une chaîne</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="185"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="186"/>
        <source>each key at most once in an object</source>
        <translation>chaque clé au plus une fois par objet</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="187"/>
        <source>at least one filter object</source>
        <translation>au moins un objet filtre</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="188"/>
        <source>an array of filter objects</source>
        <translation>un tableau d’objets filtres</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="189"/>
        <source>one of %1</source>
        <translation>l’un de %1</translation>
    </message>
</context>
<context>
    <name>sextant::ui::FindingsModel</name>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="106"/>
        <source>The index as a whole</source>
        <translation>L’index dans son ensemble</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingsModel.cpp" line="109"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n constat</numerusform>
            <numerusform>%n constats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="113"/>
        <source>Findings about the index as a whole</source>
        <translation>Constats sur l’index dans son ensemble</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="134"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="146"/>
        <source>File / location</source>
        <translation>Fichier / emplacement</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="147"/>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="148"/>
        <source>Repair</source>
        <translation>Réparation</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="158"/>
        <source>bytes %1–%2</source>
        <translation>octets %1 à %2</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="160"/>
        <source>byte %1</source>
        <translation>octet %1</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="162"/>
        <source>item %1</source>
        <translation>élément %1</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="162"/>
        <source>item %1 (%2)</source>
        <translation>élément %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="164"/>
        <source>index</source>
        <translation>index</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="164"/>
        <source>whole file</source>
        <translation>fichier entier</translation>
    </message>
</context>
<context>
    <name>sextant::ui::GoToIdDialog</name>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="20"/>
        <source>Go to Id</source>
        <translation>Aller à l’identifiant</translation>
    </message>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="21"/>
        <source>Id of an item, or the start of one:</source>
        <translation>Identifiant d’un élément, ou son début&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="24"/>
        <source>e.g. item-0042</source>
        <translation>p.&#xa0;ex. item-0042</translation>
    </message>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="39"/>
        <source>Go</source>
        <translation>Aller</translation>
    </message>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="72"/>
        <source>No item has the id &quot;%1&quot;, and no id starts with it.</source>
        <translation>Aucun élément n’a l’identifiant «&#xa0;%1&#xa0;», et aucun identifiant ne commence ainsi.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::HealthMap</name>
    <message>
        <location filename="../ui/HealthMap.cpp" line="29"/>
        <source>manifest</source>
        <translation>manifeste</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="30"/>
        <source>previous manifest</source>
        <translation>manifeste précédent</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="31"/>
        <source>write-ahead log</source>
        <translation>journal de transactions</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="32"/>
        <source>segment</source>
        <translation>segment</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="33"/>
        <source>deletion vector</source>
        <translation>vecteur de suppression</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="34"/>
        <source>search graph</source>
        <translation>graphe de recherche</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="35"/>
        <source>lock</source>
        <translation>verrou</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="36"/>
        <source>quarantine</source>
        <translation>quarantaine</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="37"/>
        <source>leftover file</source>
        <translation>fichier résiduel</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="38"/>
        <source>unexpected file</source>
        <translation>fichier inattendu</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="366"/>
        <location filename="../ui/HealthMap.cpp" line="470"/>
        <source>The index as a whole</source>
        <translation>L’index dans son ensemble</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="370"/>
        <location filename="../ui/HealthMap.cpp" line="453"/>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="372"/>
        <location filename="../ui/HealthMap.cpp" line="455"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/HealthMap.cpp" line="374"/>
        <source>one cell: %Ln block(s) of %1</source>
        <translation>
            <numerusform>une case&#xa0;: %Ln bloc de %1</numerusform>
            <numerusform>une case&#xa0;: %Ln blocs de %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="376"/>
        <source>not checked by this run</source>
        <translation>non vérifié lors de ce passage</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="385"/>
        <source>block %1, bytes %2–%3</source>
        <translation>bloc %1, octets %2 à %3</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="386"/>
        <source>blocks %1–%2, bytes %3–%4</source>
        <translation>blocs %1 à %2, octets %3 à %4</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="397"/>
        <source>health: %1</source>
        <translation>état&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="415"/>
        <source>This report lists no files.</source>
        <translation>Ce rapport ne liste aucun fichier.</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="416"/>
        <source>Verify the index to see its files and blocks here.</source>
        <translation>Vérifiez l’index pour voir ici ses fichiers et ses blocs.</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="444"/>
        <source>hatched: a finding about the whole file</source>
        <translation>hachuré&#xa0;: un constat sur le fichier entier</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="453"/>
        <source>%1, missing</source>
        <translation>%1, manquant</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="457"/>
        <source>not listed in the report</source>
        <translation>absent du rapport</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="458"/>
        <source>, not checked</source>
        <translation>, non vérifié</translation>
    </message>
</context>
<context>
    <name>sextant::ui::ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="71"/>
        <source>Import into %1</source>
        <translation>Importer dans %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="71"/>
        <source>Import into a New Index</source>
        <translation>Importer dans un nouvel index</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="86"/>
        <source>&lt;b&gt;Import into %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Importer dans %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="87"/>
        <source>&lt;b&gt;Import into a new index&lt;/b&gt;</source>
        <translation>&lt;b&gt;Importer dans un nouvel index&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="89"/>
        <source>Looking at what was chosen…</source>
        <translation>Examen de la sélection…</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="94"/>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="94"/>
        <source>What it is</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="100"/>
        <source>New index</source>
        <translation>Nouvel index</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="105"/>
        <source>The folder the new index is created in; it must not exist yet or be empty.</source>
        <translation>Le dossier où le nouvel index est créé&#x202f;; il ne doit pas encore exister, ou bien être vide.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="106"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="109"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="113"/>
        <source>Shape:</source>
        <translation>Forme&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="117"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="128"/>
        <source>At most this many characters (or tokens) per chunk; each chunk becomes one item.</source>
        <translation>Au plus ce nombre de caractères (ou de jetons) par fragment&#x202f;; chaque fragment devient un élément.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="133"/>
        <source>How much of the chunk before each chunk repeats (at most a quarter of the size), so that a sentence cut at a break is still found whole.</source>
        <translation>Quelle part du fragment précédent est répétée au début de chaque fragment (au plus un quart de la taille), pour qu’une phrase coupée à une limite soit tout de même trouvée en entier.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="137"/>
        <source>characters</source>
        <translation>caractères</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="138"/>
        <source>tokens</source>
        <translation>jetons</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="141"/>
        <source>size</source>
        <translation>taille</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="144"/>
        <source>overlap</source>
        <translation>chevauchement</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="149"/>
        <source>Chunks:</source>
        <translation>Fragments&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="151"/>
        <source>Embedder:</source>
        <translation>Modèle de plongement&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="154"/>
        <source>Vectors</source>
        <translation>Vecteurs</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="156"/>
        <source>&amp;Replace items whose id is already in the index (upsert)</source>
        <translation>&amp;Remplacer les éléments dont l’identifiant est déjà dans l’index (upsert)</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="158"/>
        <source>Without it, an item whose id is taken is left out and listed in the report.</source>
        <translation>Sinon, un élément dont l’identifiant est déjà pris est écarté et signalé dans le rapport.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="168"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="212"/>
        <source>Cancel Import</source>
        <translation>Annuler l’import</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="214"/>
        <source>Stop after the current document or batch; what was written stays in the index.</source>
        <translation>S’arrêter après le document ou le lot en cours&#x202f;; ce qui a été écrit reste dans l’index.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="234"/>
        <source>New Index Folder</source>
        <translation>Nouveau dossier d’index</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="274"/>
        <source>Reading the shape of the vectors…</source>
        <translation>Lecture de la forme des vecteurs…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="317"/>
        <source>%n dimension(s), %1</source>
        <translation>
            <numerusform>%n dimension, %1</numerusform>
            <numerusform>%n dimensions, %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="318"/>
        <source>, made for documents (embedder %1)</source>
        <translation>, conçu pour des documents (modèle de plongement %1)</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="324"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="344"/>
        <source>This index is open read-only, so nothing can be imported into it.</source>
        <translation>Cet index est ouvert en lecture seule&#xa0;: rien ne peut donc y être importé.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="351"/>
        <source>Only the vector files will be imported.</source>
        <translation>Seuls les fichiers de vecteurs seront importés.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="359"/>
        <source>Choose the folder of the new index.</source>
        <translation>Choisissez le dossier du nouvel index.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="363"/>
        <source>%n folder(s) hold a Sextant index; they are not imported.</source>
        <translation>
            <numerusform>%n dossier contient un index Sextant&#x202f;; il n’est pas importé.</numerusform>
            <numerusform>%n dossiers contiennent un index Sextant&#x202f;; ils ne sont pas importés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="365"/>
        <source>Nothing here can be imported: Sextant reads documents (text, Markdown, HTML, PDF, source code, zip or tar archives) and vector files (JSON Lines, CSV, .npy, .fvecs, .bvecs, Vectra and LangChain folders).</source>
        <translation>Rien ici ne peut être importé&#xa0;: Sextant lit les documents (texte, Markdown, HTML, PDF, code source, archives zip ou tar) et les fichiers de vecteurs (JSON Lines, CSV, .npy, .fvecs, .bvecs, dossiers Vectra et LangChain).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="369"/>
        <source>%n path(s) cannot be imported and will be listed as failed.</source>
        <translation>
            <numerusform>%n chemin ne peut pas être importé et sera signalé en échec.</numerusform>
            <numerusform>%n chemins ne peuvent pas être importés et seront signalés en échec.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="413"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="422"/>
        <source>Importing into %1</source>
        <translation>Import dans %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="433"/>
        <source>Importing</source>
        <translation>Import en cours</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="434"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="446"/>
        <source>file %1 of %2</source>
        <translation>fichier %1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="448"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="450"/>
        <source>%1 read</source>
        <translation>%1 lus</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="451"/>
        <source>%n item(s) written</source>
        <translation>
            <numerusform>%n élément écrit</numerusform>
            <numerusform>%n éléments écrits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="466"/>
        <source>Import cancelled.</source>
        <translation>Import annulé.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="467"/>
        <source>The import stopped.</source>
        <translation>L’import s’est arrêté.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="468"/>
        <source>Import finished.</source>
        <translation>Import terminé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="469"/>
        <source>%1 read  ·  %n item(s) written</source>
        <translation>
            <numerusform>%1 lus  ·  %n élément écrit</numerusform>
            <numerusform>%1 lus  ·  %n éléments écrits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="488"/>
        <source>Cancelling after the current document or batch…</source>
        <translation>Annulation après le document ou le lot en cours…</translation>
    </message>
</context>
<context>
    <name>sextant::ui::ImportReportModel</name>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="64"/>
        <location filename="../ui/ImportReportModel.cpp" line="72"/>
        <source>%1 ▸ %2</source>
        <translation>%1 ▸ %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportModel.cpp" line="101"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportModel.cpp" line="102"/>
        <source>%n chunk(s)</source>
        <translation>
            <numerusform>%n fragment</numerusform>
            <numerusform>%n fragments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="130"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="131"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="132"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="133"/>
        <source>In the index</source>
        <translation>Dans l’index</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="134"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="135"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>sextant::ui::IndexPage</name>
    <message>
        <location filename="../ui/IndexPage.cpp" line="185"/>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; %1 is writing this index. Its changes appear here as they happen; to change the index yourself, close it there.</source>
        <translation>&lt;b&gt;Lecture seule.&lt;/b&gt; %1 écrit dans cet index. Ses modifications apparaissent ici au fur et à mesure&#x202f;; pour modifier l’index vous-même, fermez-le dans ce programme.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="189"/>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; This index was opened read-only; its changes made elsewhere appear here as they happen.</source>
        <translation>&lt;b&gt;Lecture seule.&lt;/b&gt; Cet index a été ouvert en lecture seule&#x202f;; les modifications faites ailleurs apparaissent ici au fur et à mesure.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="36"/>
        <location filename="../ui/IndexPage.cpp" line="171"/>
        <source>Open for Writing</source>
        <translation>Ouvrir en écriture</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="58"/>
        <source>&lt;b&gt;Recovered.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Récupéré.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="60"/>
        <source>The cut bytes were saved to %1.</source>
        <translation>Les octets coupés ont été enregistrés dans %1.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="72"/>
        <source>Summary</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="73"/>
        <source>Browse</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="74"/>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="75"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="76"/>
        <source>Integrity</source>
        <translation>Intégrité</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="78"/>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="112"/>
        <source>&lt;b&gt;This index could not be opened.&lt;/b&gt; %1&lt;br&gt;Verification below shows where it is damaged; a repair can often make it usable again, after you have seen and approved its plan.</source>
        <translation>&lt;b&gt;Impossible d’ouvrir cet index.&lt;/b&gt; %1&lt;br&gt;La vérification ci-dessous montre où il est endommagé&#x202f;; une réparation peut souvent le rendre de nouveau utilisable, une fois que vous en avez vu et approuvé le plan.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="116"/>
        <source>Try Again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="117"/>
        <source>Try again to open the index (for example after freeing disk space or fixing permissions).</source>
        <translation>Réessayer d’ouvrir l’index (par exemple après avoir libéré de l’espace disque ou corrigé les permissions).</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="151"/>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; The other program has closed the index; opening it for writing…</source>
        <translation>&lt;b&gt;Lecture seule.&lt;/b&gt; L’autre programme a fermé l’index&#x202f;; ouverture en écriture…</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="171"/>
        <source>Stay Read-Only</source>
        <translation>Rester en lecture seule</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="173"/>
        <source>Do not switch to writing when the other program closes the index.</source>
        <translation>Ne pas passer en écriture quand l’autre programme ferme l’index.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="174"/>
        <source>Open the index for writing here, keeping the filter, selection and query; while another program writes it, Sextant switches as soon as that program closes it.</source>
        <translation>Ouvrir l’index en écriture ici, en gardant le filtre, la sélection et la requête&#x202f;; tant qu’un autre programme y écrit, Sextant bascule dès que ce programme le ferme.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="178"/>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; %1 is writing this index. Sextant opens it for writing here as soon as that program closes it; what you see stays as it is.</source>
        <translation>&lt;b&gt;Lecture seule.&lt;/b&gt; %1 écrit dans cet index. Sextant l’ouvrira en écriture ici dès que ce programme le fermera&#x202f;; ce que vous voyez reste tel quel.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="182"/>
        <source>&lt;b&gt;The other writer has left.&lt;/b&gt; This index is still open read-only here. Open it for writing to change it; what you see stays as it is.</source>
        <translation>&lt;b&gt;L’autre programme n’écrit plus.&lt;/b&gt; Cet index est encore ouvert en lecture seule ici. Ouvrez-le en écriture pour le modifier&#x202f;; ce que vous voyez reste tel quel.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::IndexSession</name>
    <message>
        <location filename="../ui/IndexSession.cpp" line="344"/>
        <source>No problems in %1 checked in %2.</source>
        <translation>Aucun problème sur %1 (vérification en %2).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IndexSession.cpp" line="346"/>
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problème trouvé.</numerusform>
            <numerusform>%n problèmes trouvés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::InspectorView</name>
    <message>
        <location filename="../ui/InspectorView.cpp" line="143"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="144"/>
        <location filename="../ui/InspectorView.cpp" line="282"/>
        <source>Delete this item (undoable)</source>
        <translation>Supprimer cet élément (annulable)</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="169"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="170"/>
        <location filename="../ui/InspectorView.cpp" line="285"/>
        <source>Write the edited metadata to the index (undoable)</source>
        <translation>Écrire les métadonnées modifiées dans l’index (annulable)</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="171"/>
        <source>Revert</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="185"/>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="186"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="188"/>
        <source>Vector</source>
        <translation>Vecteur</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="196"/>
        <source>Nearest neighbours</source>
        <translation>Plus proches voisins</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="202"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="202"/>
        <source>Similarity</source>
        <translation>Similarité</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="205"/>
        <source>Click a neighbour to inspect it</source>
        <translation>Cliquez sur un voisin pour l’inspecter</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="515"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="202"/>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="219"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="223"/>
        <source>Copy Id</source>
        <translation>Copier l’identifiant</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="224"/>
        <source>Copy as JSON Line</source>
        <translation>Copier en ligne JSON</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="225"/>
        <source>Copy Vector</source>
        <translation>Copier le vecteur</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="226"/>
        <source>Copy as Python List</source>
        <translation>Copier en liste Python</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="278"/>
        <source>The index is open read-only, so items cannot be changed.</source>
        <translation>L’index est ouvert en lecture seule&#xa0;: les éléments ne peuvent donc pas être modifiés.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="236"/>
        <source>Copy Value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="241"/>
        <source>Copy Key</source>
        <translation>Copier la clé</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="251"/>
        <source>Not in the current filter: Browse does not list this item.</source>
        <translation>Hors du filtre actuel&#xa0;: Éléments ne montre pas cet élément.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="306"/>
        <source>The change was not written: %1</source>
        <translation>La modification n’a pas été écrite&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="403"/>
        <source>Select an item to inspect it.</source>
        <translation>Sélectionnez un élément pour l’inspecter.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="413"/>
        <source>This item no longer exists.</source>
        <translation>Cet élément n’existe plus.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="414"/>
        <source>The item could not be read.</source>
        <translation>Impossible de lire l’élément.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="479"/>
        <source>No neighbours.</source>
        <translation>Aucun voisin.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="450"/>
        <source>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Dimensions&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td width=24&gt;&lt;/td&gt;&lt;td&gt;Norm&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Minimum&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;Maximum&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Mean&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;Standard deviation&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Dimensions&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td width=24&gt;&lt;/td&gt;&lt;td&gt;Norme&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Minimum&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;Maximum&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Moyenne&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;Écart type&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="469"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="361"/>
        <source>Loading the selected row…</source>
        <translation>Chargement de la ligne choisie…</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="491"/>
        <source>This item has no neighbours.</source>
        <translation>Cet élément n’a aucun voisin.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="492"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="538"/>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="545"/>
        <source>The metadata must be a JSON object: { … }.</source>
        <translation>Les métadonnées doivent être un objet JSON&#xa0;: { … }.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::IntegrityView</name>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="50"/>
        <source>Quick Verify</source>
        <translation>Vérification rapide</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="52"/>
        <source>Check every log record and data block against its checksum.</source>
        <translation>Contrôler chaque enregistrement du journal et chaque bloc de données avec sa somme de contrôle.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="53"/>
        <source>Full Verify</source>
        <translation>Vérification complète</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="55"/>
        <source>Also check the size and SHA-256 of every file, every vector and metadata document, the id map, and the graph&apos;s recall.</source>
        <translation>Contrôler aussi la taille et le SHA-256 de chaque fichier, chaque vecteur et chaque document de métadonnées, la table des identifiants et le rappel du graphe.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="57"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="63"/>
        <source>Plan Repair…</source>
        <translation>Planifier la réparation…</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="66"/>
        <source>Work out what repair would do and show it for approval. Nothing changes before you approve.</source>
        <translation>Déterminer ce que ferait la réparation et le présenter pour approbation. Rien ne change avant votre approbation.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="138"/>
        <source>Repairing, step %1 of %2: %3</source>
        <translation>Réparation, étape %1 sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="147"/>
        <source>Findings appear here after a verification.</source>
        <translation>Les constats apparaissent ici après une vérification.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="148"/>
        <source>Not verified yet. Quick Verify checks every checksum; Full Verify also reads every file, vector and metadata document.</source>
        <translation>Pas encore vérifié. La vérification rapide contrôle chaque somme de contrôle&#x202f;; la vérification complète lit aussi chaque fichier, chaque vecteur et chaque document de métadonnées.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="204"/>
        <source>Full verification running…</source>
        <translation>Vérification complète en cours…</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="204"/>
        <source>Quick verification running…</source>
        <translation>Vérification rapide en cours…</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="207"/>
        <source>Full verification of %1</source>
        <translation>Vérification complète de %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="207"/>
        <source>Verification of %1</source>
        <translation>Vérification de %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="225"/>
        <source>Verification cancelled; the findings below are from the run before.</source>
        <translation>Vérification annulée&#x202f;; les constats ci-dessous viennent du passage précédent.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="226"/>
        <source>Verification cancelled.</source>
        <translation>Vérification annulée.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="234"/>
        <source>Verification failed: %1</source>
        <translation>La vérification a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="250"/>
        <source>Verified again after closing the index: nothing to repair.</source>
        <translation>Vérifié de nouveau après fermeture de l’index&#xa0;: rien à réparer.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="264"/>
        <source>No findings: every check passed.</source>
        <translation>Aucun constat&#xa0;: tous les contrôles sont réussis.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="286"/>
        <source>Full verification</source>
        <translation>Vérification complète</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="286"/>
        <source>Quick verification</source>
        <translation>Vérification rapide</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="287"/>
        <source>%1 in %Ln file(s) checked in %2</source>
        <translation>
            <numerusform>%1 sur %Ln fichier, en %2</numerusform>
            <numerusform>%1 sur %Ln fichiers, en %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="291"/>
        <source>(%1 GB/s)</source>
        <translation>(%1 Go/s)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="295"/>
        <source>No problems (%n note(s)).</source>
        <translation>
            <numerusform>Aucun problème (%n remarque).</numerusform>
            <numerusform>Aucun problème (%n remarques).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="295"/>
        <source>No problems.</source>
        <translation>Aucun problème.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="298"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="299"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="300"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n remarque</numerusform>
            <numerusform>%n remarques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="301"/>
        <source>%n problem(s): %1.</source>
        <translation>
            <numerusform>%n problème&#xa0;: %1.</numerusform>
            <numerusform>%n problèmes&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="305"/>
        <source>%Ln readable item(s).</source>
        <translation>
            <numerusform>%Ln élément lisible.</numerusform>
            <numerusform>%Ln éléments lisibles.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="306"/>
        <source>%1 %2: %3.%4</source>
        <translation>%1 %2&#xa0;: %3.%4</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="344"/>
        <source>Closing the index for the repair…</source>
        <translation>Fermeture de l’index pour la réparation…</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="358"/>
        <source>Planning the repair…</source>
        <translation>Planification de la réparation…</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="377"/>
        <source>The repair could not be planned: %1</source>
        <translation>Impossible de planifier la réparation&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="400"/>
        <source>Repairing…</source>
        <translation>Réparation en cours…</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="419"/>
        <source>Repair of %1</source>
        <translation>Réparation de %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="428"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="455"/>
        <source>Opening the index again…</source>
        <translation>Réouverture de l’index…</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="460"/>
        <source>The index could not be opened again.</source>
        <translation>Impossible de rouvrir l’index.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::ItemCommands</name>
    <message>
        <location filename="../ui/ItemCommands.cpp" line="17"/>
        <source>Edit metadata of %1</source>
        <translation>Modifier les métadonnées de %1</translation>
    </message>
    <message>
        <location filename="../ui/ItemCommands.cpp" line="27"/>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ItemCommands.cpp" line="38"/>
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Supprimer %n élément</numerusform>
            <numerusform>Supprimer %n éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::ItemTableModel</name>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="518"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ItemTableModel.cpp" line="533"/>
        <source>The vector&apos;s %Ln value(s), averaged into the sparkline</source>
        <translation>
            <numerusform>La %Ln valeur du vecteur, moyennée dans la mini-courbe</numerusform>
            <numerusform>Les %Ln valeurs du vecteur, moyennées dans la mini-courbe</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="555"/>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="555"/>
        <source>Id (natural order)</source>
        <translation>Identifiant (ordre naturel)</translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="557"/>
        <source>Norm</source>
        <translation>Norme</translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="559"/>
        <source>Vector</source>
        <translation>Vecteur</translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="563"/>
        <source>%1 (sorting…)</source>
        <translation>%1 (tri en cours…)</translation>
    </message>
</context>
<context>
    <name>sextant::ui::JsonTreeModel</name>
    <message numerus="yes">
        <location filename="../ui/JsonTreeModel.cpp" line="89"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/JsonTreeModel.cpp" line="90"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="96"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="97"/>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="98"/>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="99"/>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="100"/>
        <source>array</source>
        <translation>tableau</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="101"/>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="112"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="113"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="114"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>sextant::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="67"/>
        <location filename="../ui/MainWindow.cpp" line="528"/>
        <source>Sextant</source>
        <translation>Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="109"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="110"/>
        <source>&amp;New Index…</source>
        <translation>&amp;Nouvel index…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112"/>
        <source>&amp;Open Index…</source>
        <translation>&amp;Ouvrir un index…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="118"/>
        <source>Open &amp;Recent</source>
        <translation>Index &amp;récents</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="121"/>
        <source>&amp;Import Files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="122"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="123"/>
        <source>Import documents or vector files into the current index, or into a new one</source>
        <translation>Importer des documents ou des fichiers de vecteurs dans l’index courant, ou dans un nouvel index</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124"/>
        <source>Import a Fol&amp;der…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="125"/>
        <source>Import every document in a folder, or a Vectra or LangChain index folder</source>
        <translation>Importer tous les documents d’un dossier, ou un dossier d’index Vectra ou LangChain</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="126"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="127"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>Open &amp;File…</source>
        <translation>Ouvrir un fic&amp;hier…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="115"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="129"/>
        <source>Restore &amp;Backup…</source>
        <translation>Restaurer une &amp;sauvegarde…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="117"/>
        <source>Open a vector file (imported into a new index or the open one) or a backup archive (restored)</source>
        <translation>Ouvrir un fichier de vecteurs (importé dans un nouvel index ou dans celui ouvert) ou une archive de sauvegarde (restaurée)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="130"/>
        <source>Make a new index folder from a backup archive (.tar.zst) and open it</source>
        <translation>Créer un nouveau dossier d’index à partir d’une archive de sauvegarde (.tar.zst) et l’ouvrir</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="131"/>
        <source>Publish to Post&amp;greSQL…</source>
        <translation>&amp;Publier dans PostgreSQL…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="132"/>
        <source>Send the index to a PostgreSQL table with pgvector; later only what changed</source>
        <translation>Envoyer l’index dans une table PostgreSQL avec pgvector, ensuite seulement ce qui a changé</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="134"/>
        <source>Open from Postgre&amp;SQL…</source>
        <translation>Ouvrir depuis Pos&amp;tgreSQL…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="135"/>
        <source>Read a pgvector table into a new local index and open it</source>
        <translation>Lire une table pgvector dans un nouvel index local et l’ouvrir</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="137"/>
        <source>&amp;Close Index</source>
        <translation>&amp;Fermer l’index</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="141"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="145"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="146"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="164"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="166"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="169"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="171"/>
        <source>&amp;Summary</source>
        <translation>&amp;Vue d’ensemble</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="171"/>
        <source>&amp;Browse</source>
        <translation>É&amp;léments</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="172"/>
        <source>&amp;Query</source>
        <translation>&amp;Requête</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="172"/>
        <source>&amp;Map</source>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>&amp;Integrity</source>
        <translation>&amp;Intégrité</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>&amp;Duplicates</source>
        <translation>&amp;Doublons</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="193"/>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="199"/>
        <source>&amp;Index</source>
        <translation>&amp;Index</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="200"/>
        <source>&amp;Verify</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="206"/>
        <source>&amp;Full Verify</source>
        <translation>Vérification co&amp;mplète</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="212"/>
        <source>Plan &amp;Repair…</source>
        <translation>Planifier une &amp;réparation…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="218"/>
        <source>Estimate R&amp;ecall</source>
        <translation>Estimer le ra&amp;ppel</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="225"/>
        <source>&amp;Checkpoint</source>
        <translation>Point de &amp;contrôle</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="228"/>
        <source>C&amp;ompact</source>
        <translation>C&amp;ompacter</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <location filename="../ui/MainWindow.cpp" line="242"/>
        <source>Convert &amp;Graph to 8-bit Codes…</source>
        <translation>Convertir le &amp;graphe en codes 8 bits…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="241"/>
        <source>Convert Graph to F&amp;loat Vectors…</source>
        <translation>Convertir le graphe en vecteurs f&amp;lottants…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="248"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="249"/>
        <source>Open the &amp;Demo Index</source>
        <translation>Ouvrir l’index de &amp;démonstration</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="250"/>
        <source>Make an index from short example texts (or open it when it exists) and search it</source>
        <translation>Créer un index à partir de courts textes d’exemple (ou l’ouvrir s’il existe) et y faire une recherche</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="252"/>
        <source>&amp;About Sextant</source>
        <translation>À &amp;propos de Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="254"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="264"/>
        <source>No recent indexes</source>
        <translation>Aucun index récent</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="298"/>
        <source>Opening %1</source>
        <translation>Ouverture de %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="299"/>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="332"/>
        <source>There is no Sextant index in %1.</source>
        <translation>Le dossier %1 ne contient aucun index Sextant.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="335"/>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="338"/>
        <source>Could Not Open the Index</source>
        <translation>Impossible d’ouvrir l’index</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="329"/>
        <source>Sextant could not open %1.</source>
        <translation>Sextant n’a pas pu ouvrir %1.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="927"/>
        <source>Sextant could not restore %1.</source>
        <translation>Sextant n’a pas pu restaurer %1.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="358"/>
        <source>Creating %1</source>
        <translation>Création de %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="155"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="158"/>
        <source>Copy what has the focus: text, the selected Browse rows as JSON Lines, or a table&apos;s cells</source>
        <translation>Copier ce qui a le focus&#xa0;: du texte, les lignes choisies des Éléments en JSON Lines ou les cellules d’un tableau</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="159"/>
        <source>&amp;Go to Id…</source>
        <translation>Aller à l’&amp;identifiant…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="161"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="185"/>
        <source>&amp;Natural Id Order</source>
        <translation>Ordre &amp;naturel des identifiants</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="191"/>
        <source>Sort Browse&apos;s ids with the numbers in them compared as numbers (item2 before item10)</source>
        <translation>Trier les identifiants des Éléments en comparant leurs nombres comme des nombres (item2 avant item10)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="363"/>
        <source>Could Not Create the Index</source>
        <translation>Impossible de créer l’index</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="388"/>
        <source>Creating the demo index</source>
        <translation>Création de l’index de démonstration</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="389"/>
        <source>Creating the demo index in %1…</source>
        <translation>Création de l’index de démonstration dans %1…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="413"/>
        <source>Could Not Create the Demo Index</source>
        <translation>Impossible de créer l’index de démonstration</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="420"/>
        <source>Made the demo index from %n document(s) in %1 s.</source>
        <translation>
            <numerusform>Index de démonstration créé à partir de %n document en %1 s.</numerusform>
            <numerusform>Index de démonstration créé à partir de %n documents en %1 s.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="467"/>
        <source>A write failed: %1</source>
        <translation>Une écriture a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="528"/>
        <source>%1 — Sextant</source>
        <translation>%1 — Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="499"/>
        <source>Could Not Open for Writing</source>
        <translation>Ouverture en écriture impossible</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="538"/>
        <source>Could not be opened</source>
        <translation>Ouverture impossible</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="543"/>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="545"/>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="549"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="550"/>
        <source>following changes</source>
        <translation>suit les modifications</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="552"/>
        <source>writes: idle</source>
        <translation>écritures&#xa0;: aucune</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="553"/>
        <source>writes: %Ln queued</source>
        <translation>
            <numerusform>écritures&#xa0;: %Ln en attente</numerusform>
            <numerusform>écritures&#xa0;: %Ln en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="554"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="566"/>
        <source>Open Index Folder</source>
        <translation>Ouvrir un dossier d’index</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="700"/>
        <source>About Sextant</source>
        <translation>À propos de Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="701"/>
        <source>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;A workbench and embedded engine for local vector indexes: create, browse, query, verify and repair them.&lt;/p&gt;&lt;p&gt;Every write is checksummed and, by default, on stable storage before it is acknowledged.&lt;/p&gt;&lt;p&gt;Distance kernels: %2. Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;Un atelier et un moteur embarqué pour index vectoriels locaux&#xa0;: les créer, les parcourir, les interroger, les vérifier et les réparer.&lt;/p&gt;&lt;p&gt;Chaque écriture porte une somme de contrôle et, par défaut, se trouve sur un stockage stable avant d’être confirmée.&lt;/p&gt;&lt;p&gt;Noyaux de distance&#xa0;: %2. Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="573"/>
        <source>Open a File</source>
        <translation>Ouvrir un fichier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="574"/>
        <source>Vector files and backups (*.jsonl *.ndjson *.csv *.tsv *.npy *.fvecs *.bvecs *.tar.zst);;All files (*)</source>
        <translation>Fichiers de vecteurs et sauvegardes (*.jsonl *.ndjson *.csv *.tsv *.npy *.fvecs *.bvecs *.tar.zst);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="591"/>
        <source>Looking at %1…</source>
        <translation>Examen de %1…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="747"/>
        <source>Drop to import into %1 (an index folder opens instead)</source>
        <translation>Déposer pour importer dans %1 (un dossier d’index est ouvert à la place)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="748"/>
        <source>Drop to open an index folder, or to make a new index from documents or vectors</source>
        <translation>Déposer pour ouvrir un dossier d’index, ou pour créer un nouvel index à partir de documents ou de vecteurs</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="607"/>
        <source>Import a File</source>
        <translation>Importer un fichier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="608"/>
        <source>%1 is not an index but a file Sextant can import.</source>
        <translation>%1 n’est pas un index mais un fichier que Sextant peut importer.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="612"/>
        <source>Import its items into the open index %1, or make a new index from them?</source>
        <translation>Importer ses éléments dans l’index ouvert %1, ou en faire un nouvel index&#x202f;?</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="615"/>
        <source>Import into %1</source>
        <translation>Importer dans %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="617"/>
        <source>New Index…</source>
        <translation>Nouvel index…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="770"/>
        <source>Looking at %n dropped item(s)…</source>
        <translation>
            <numerusform>Examen de %n objet déposé…</numerusform>
            <numerusform>Examen de %n objets déposés…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="820"/>
        <source>Convert to a Sextant Index</source>
        <translation>Convertir en index Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="821"/>
        <source>Convert the %1 in %2 to a Sextant index. The folder itself is only read.</source>
        <translation>Convertir le %1 de %2 en index Sextant. Le dossier lui-même est seulement lu.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="834"/>
        <source>Not a Sextant Index</source>
        <translation>Pas un index Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="835"/>
        <source>%1 holds a %2, not a Sextant index.</source>
        <translation>%1 contient un %2, pas un index Sextant.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="837"/>
        <source>Sextant can make a new Sextant index from its items, with their ids, vectors and metadata. The folder itself is left as it is.</source>
        <translation>Sextant peut créer un nouvel index Sextant à partir de ses éléments, avec leurs identifiants, vecteurs et métadonnées. Le dossier lui-même reste tel quel.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="839"/>
        <source>Convert to a Sextant Index…</source>
        <translation>Convertir en index Sextant…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="848"/>
        <source>Import Files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="849"/>
        <source>Documents and vectors (*.txt *.md *.markdown *.html *.htm *.pdf *.zip *.tar *.tgz *.tar.gz *.jsonl *.ndjson *.csv *.tsv *.npy *.fvecs *.bvecs);;All files (*)</source>
        <translation>Documents et vecteurs (*.txt *.md *.markdown *.html *.htm *.pdf *.zip *.tar *.tgz *.tar.gz *.jsonl *.ndjson *.csv *.tsv *.npy *.fvecs *.bvecs);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="857"/>
        <source>Import a Folder</source>
        <translation>Importer un dossier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="890"/>
        <source>Restore a Backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="891"/>
        <source>Backup archives (*.tar.zst);;All files (*)</source>
        <translation>Archives de sauvegarde (*.tar.zst);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="585"/>
        <location filename="../ui/MainWindow.cpp" line="896"/>
        <source>New Folder for the Restored Index</source>
        <translation>Nouveau dossier pour l’index restauré</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="914"/>
        <source>Restoring %1</source>
        <translation>Restauration de %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="915"/>
        <source>Restoring %1…</source>
        <translation>Restauration de %1…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="919"/>
        <location filename="../ui/MainWindow.cpp" line="920"/>
        <source>The restore was cancelled.</source>
        <translation>La restauration a été annulée.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="926"/>
        <source>Could Not Restore the Backup</source>
        <translation>Impossible de restaurer la sauvegarde</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="931"/>
        <source>Restored %n file(s) (%1) into %2.</source>
        <translation>
            <numerusform>%n fichier (%1) restauré dans %2.</numerusform>
            <numerusform>%n fichiers (%1) restaurés dans %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::MapView</name>
    <message>
        <location filename="../ui/MapView.cpp" line="62"/>
        <source>Colour the points by a metadata field: a palette for text and bools, a gradient for numbers</source>
        <translation>Colorer les points selon un champ de métadonnées&#xa0;: une palette pour le texte et les booléens, un dégradé pour les nombres</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="70"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="71"/>
        <source>Show all points</source>
        <translation>Afficher tous les points</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="72"/>
        <location filename="../ui/MapView.cpp" line="87"/>
        <source>Recompute</source>
        <translation>Recalculer</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="73"/>
        <source>Sample and project the index again</source>
        <translation>Rééchantillonner et projeter de nouveau l’index</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="66"/>
        <source>PCA</source>
        <translation>ACP</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="67"/>
        <source>UMAP</source>
        <translation>UMAP</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="69"/>
        <source>PCA shows the global spread; UMAP, laid out on the index&apos;s own neighbour graph, shows clusters</source>
        <translation>L’ACP montre la dispersion globale&#x202f;; UMAP, construit sur le graphe de voisinage de l’index, montre les groupes</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="86"/>
        <source>The index has changed since this map was computed.</source>
        <translation>L’index a changé depuis le calcul de cette carte.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="94"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="102"/>
        <source>The map appears here once it has been computed.</source>
        <translation>La carte apparaît ici une fois calculée.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="113"/>
        <source>Colour by:</source>
        <translation>Colorer selon&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="109"/>
        <source>Method:</source>
        <translation>Méthode&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="126"/>
        <location filename="../ui/MapView.cpp" line="250"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="191"/>
        <source>Computing the map</source>
        <translation>Calcul de la carte</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="196"/>
        <source>Sampling items</source>
        <translation>Échantillonnage des éléments</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="200"/>
        <source>Computing the map…</source>
        <translation>Calcul de la carte…</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="225"/>
        <source>Computing the map was cancelled. Press Recompute to start again.</source>
        <translation>Le calcul de la carte a été annulé. Cliquez sur «&#xa0;Recalculer&#xa0;» pour le relancer.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="226"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="233"/>
        <source>The map could not be computed.</source>
        <translation>Impossible de calculer la carte.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="244"/>
        <source>The index is empty: add items to see them on the map.</source>
        <translation>L’index est vide&#xa0;: ajoutez des éléments pour les voir sur la carte.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="380"/>
        <source>The index is empty.</source>
        <translation>L’index est vide.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="394"/>
        <source>PCA of all %Ln item(s)</source>
        <translation>
            <numerusform>ACP de %Ln élément</numerusform>
            <numerusform>ACP des %Ln éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="395"/>
        <source>PCA of %1 of %Ln item(s), seed %2</source>
        <translation>
            <numerusform>ACP de %1 éléments sur %Ln, graine %2</numerusform>
            <numerusform>ACP de %1 éléments sur %Ln, graine %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="399"/>
        <source>; the two axes explain %1 % of the variance (%2 % and %3 %)</source>
        <translation>&#x202f;; les deux axes expliquent %1&#xa0;% de la variance (%2&#xa0;% et %3&#xa0;%)</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="402"/>
        <source>; vectors normalised (cosine)</source>
        <translation>&#x202f;; vecteurs normalisés (cosinus)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="405"/>
        <source>; sample capped at %Ln item(s) for %1 dimensions</source>
        <translation>
            <numerusform>&#x202f;; échantillon limité à %Ln élément pour %1 dimensions</numerusform>
            <numerusform>; échantillon limité à %Ln éléments pour %1 dimensions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="278"/>
        <source>Computing the UMAP layout</source>
        <translation>Calcul de la disposition UMAP</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="290"/>
        <source>UMAP: neighbours from the graph</source>
        <translation>UMAP&#xa0;: voisins tirés du graphe</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="469"/>
        <source>(missing or not a number)</source>
        <translation>(absent ou pas un nombre)</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="292"/>
        <source>UMAP is being computed; the PCA map is shown until the layout forms.</source>
        <translation>UMAP est en cours de calcul&#x202f;; la carte ACP est affichée jusqu’à ce que la disposition se forme.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="302"/>
        <source>UMAP forming: epoch %1 of %2</source>
        <translation>UMAP en formation&#xa0;: époque %1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="313"/>
        <source>UMAP was cancelled; the PCA map is shown.</source>
        <translation>UMAP a été annulé&#x202f;; la carte ACP est affichée.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="497"/>
        <source>other</source>
        <translation>autres</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="498"/>
        <source>(missing)</source>
        <translation>(absent)</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="323"/>
        <source>UMAP could not be computed: %1</source>
        <translation>Impossible de calculer UMAP&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="524"/>
        <source>Scroll to zoom, drag to pan, click a point to select its item.</source>
        <translation>Molette pour zoomer, glisser pour déplacer, clic sur un point pour sélectionner son élément.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="364"/>
        <source>%1: its %2 nearest neighbours in the original space are joined to it (%3 of them are not in the sample).</source>
        <translation>%1&#xa0;: ses %2 plus proches voisins dans l’espace d’origine lui sont reliés (%3 d’entre eux ne sont pas dans l’échantillon).</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="369"/>
        <source>%1: its %2 nearest neighbours in the original space are joined to it.</source>
        <translation>%1&#xa0;: ses %2 plus proches voisins dans l’espace d’origine lui sont reliés.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="382"/>
        <source>UMAP of all %Ln item(s)</source>
        <translation>
            <numerusform>UMAP de %Ln élément</numerusform>
            <numerusform>UMAP des %Ln éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="383"/>
        <source>UMAP of %1 of %Ln item(s), seed %2</source>
        <translation>
            <numerusform>UMAP de %1 éléments sur %Ln, graine %2</numerusform>
            <numerusform>UMAP de %1 éléments sur %Ln, graine %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="387"/>
        <source>; %1 neighbours from the graph, min_dist %2, %3 epochs</source>
        <translation>&#x202f;; %1 voisins du graphe, min_dist %2, %3 époques</translation>
    </message>
</context>
<context>
    <name>sextant::ui::NewIndexDialog</name>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="32"/>
        <source>New Index</source>
        <translation>Nouvel index</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="37"/>
        <source>for example: product-docs</source>
        <translation>par exemple&#xa0;: docs-produit</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="38"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="44"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="47"/>
        <source>Location:</source>
        <translation>Emplacement&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="56"/>
        <source>The length of every vector: it must match the model that makes the embeddings (384 for all-MiniLM-L6-v2, 1536 for text-embedding-3-small).</source>
        <translation>La longueur de chaque vecteur&#xa0;: elle doit correspondre au modèle qui calcule les plongements (384 pour all-MiniLM-L6-v2, 1536 pour text-embedding-3-small).</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="58"/>
        <source>&amp;Dimensions:</source>
        <translation>&amp;Dimensions&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="61"/>
        <source>Cosine similarity</source>
        <translation>Similarité cosinus</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="62"/>
        <source>Euclidean distance (L2)</source>
        <translation>Distance euclidienne (L2)</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="63"/>
        <source>Dot product</source>
        <translation>Produit scalaire</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="64"/>
        <source>Cosine suits most text embeddings. Dot product suits vectors that are already normalised or whose length carries meaning.</source>
        <translation>Le cosinus convient à la plupart des plongements de texte. Le produit scalaire convient aux vecteurs déjà normalisés ou dont la longueur a un sens.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="66"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Métrique&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="69"/>
        <source>Full: every write survives a power failure</source>
        <translation>Complète&#xa0;: chaque écriture survit à une coupure de courant</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="70"/>
        <source>Normal: writes survive a crash of Sextant, not of the machine</source>
        <translation>Normale&#xa0;: les écritures survivent à un plantage de Sextant, pas de la machine</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="71"/>
        <source>Off: fastest, for throwaway indexes</source>
        <translation>Désactivée&#xa0;: la plus rapide, pour des index jetables</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="73"/>
        <source>D&amp;urability:</source>
        <translation>D&amp;urabilité&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="76"/>
        <source>Metadata fields (optional)</source>
        <translation>Champs de métadonnées (facultatifs)</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="78"/>
        <source>Declared fields are checked on every write and shown as columns. Items may carry other metadata too.</source>
        <translation>Les champs déclarés sont contrôlés à chaque écriture et affichés en colonnes. Les éléments peuvent aussi porter d’autres métadonnées.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="84"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="84"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="84"/>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="92"/>
        <source>&amp;Add Field</source>
        <translation>&amp;Ajouter un champ</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="93"/>
        <source>&amp;Remove Field</source>
        <translation>&amp;Supprimer le champ</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="100"/>
        <source>Approximate search (HNSW)</source>
        <translation>Recherche approximative (HNSW)</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="106"/>
        <source>Links per node. More links: better recall, more memory, slower building.</source>
        <translation>Liens par nœud. Plus de liens&#xa0;: meilleur rappel, plus de mémoire, construction plus lente.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="110"/>
        <source>Candidates considered while building. Higher: a better graph, slower building.</source>
        <translation>Candidats examinés pendant la construction. Plus élevé&#xa0;: un meilleur graphe, une construction plus lente.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="114"/>
        <source>Default candidates per query. Higher: better recall, slower queries.</source>
        <translation>Nombre de candidats par défaut par requête. Plus élevé&#xa0;: meilleur rappel, requêtes plus lentes.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="115"/>
        <source>M:</source>
        <translation>M&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="116"/>
        <source>ef construction:</source>
        <translation>ef construction&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="125"/>
        <source>ef search:</source>
        <translation>ef search&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="123"/>
        <source>The share of the true 10 nearest neighbours searches should find. The index measures the ef that reaches it and uses that ef instead of ef search.</source>
        <translation>La part des 10 vrais plus proches voisins que les recherches doivent trouver. L’index mesure l’ef qui l’atteint et utilise cet ef à la place d’ef search.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="126"/>
        <source>Target recall@10:</source>
        <translation>Rappel@10 visé&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="128"/>
        <source>8-bit codes, reranked exactly (smaller, faster)</source>
        <translation>Codes 8 bits, reclassés exactement (plus petit, plus rapide)</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="129"/>
        <source>Float vectors</source>
        <translation>Vecteurs flottants</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="131"/>
        <source>How the graph holds each vector. 8-bit codes take about a third of the memory and build faster; the best candidates are then scored again with the exact vectors, so results and scores are those of the full vectors.</source>
        <translation>Comment le graphe garde chaque vecteur. Les codes 8 bits prennent environ un tiers de la mémoire et se construisent plus vite&#x202f;; les meilleurs candidats sont ensuite notés à nouveau avec les vecteurs exacts, si bien que résultats et scores sont ceux des vecteurs complets.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="134"/>
        <source>Graph vectors:</source>
        <translation>Vecteurs du graphe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="145"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="210"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="211"/>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="212"/>
        <source>Yes/no</source>
        <translation>Oui/non</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="213"/>
        <source>List of texts</source>
        <translation>Liste de textes</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="231"/>
        <source>Choose Where to Create the Index</source>
        <translation>Choisir où créer l’index</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="238"/>
        <source>Give the index a name: it becomes the name of its folder.</source>
        <translation>Donnez un nom à l’index&#xa0;: ce sera le nom de son dossier.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="240"/>
        <source>The name must not contain slashes.</source>
        <translation>Le nom ne doit pas contenir de barre oblique.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="241"/>
        <source>Choose the folder to create the index in.</source>
        <translation>Choisissez le dossier où créer l’index.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="244"/>
        <source>The field &quot;%1&quot; is declared twice.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» est déclaré deux fois.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="256"/>
        <source>Creates %1</source>
        <translation>Crée %1</translation>
    </message>
</context>
<context>
    <name>sextant::ui::OpenFromPostgresDialog</name>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="408"/>
        <source>Open from PostgreSQL</source>
        <translation>Ouvrir depuis PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="417"/>
        <source>Optional SQL condition, e.g. metadata-&gt;&gt;&apos;lang&apos; = &apos;en&apos;</source>
        <translation>Condition SQL facultative, p. ex. metadata-&gt;&gt;&apos;lang&apos; = &apos;en&apos;</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="418"/>
        <source>Only &amp;rows where:</source>
        <translation>&amp;Restreindre aux lignes où&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="422"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="425"/>
        <source>New &amp;index folder:</source>
        <translation>Nouveau dossier d’&amp;index&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="429"/>
        <source>The rows are read in a read-only transaction, a page at a time, into a new local index: id, vector, metadata, and text and uri when the table has them.</source>
        <translation>Les lignes sont lues dans une transaction en lecture seule, page par page, dans un nouvel index local&#xa0;: identifiant, vecteur, métadonnées, et text et uri si la table les a.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="445"/>
        <source>O&amp;pen</source>
        <translation>Ou&amp;vrir</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="448"/>
        <source>Ca&amp;ncel Reading</source>
        <translation>A&amp;nnuler la lecture</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="487"/>
        <source>New Index Folder</source>
        <translation>Nouveau dossier d’index</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="508"/>
        <source>%1 is not empty; choose a new folder.</source>
        <translation>%1 n’est pas vide&#xa0;; choisissez un nouveau dossier.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="521"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="539"/>
        <source>%1 rows read, %2 MB/s</source>
        <translation>%1 lignes lues, %2 Mo/s</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="555"/>
        <source>Read %1 rows of %2 (%3 dimensions, %4) into %5.</source>
        <translation>%1 lignes de %2 (%3 dimensions, %4) lues dans %5.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="569"/>
        <source>Not opened: %1</source>
        <translation>Non ouvert&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sextant::ui::PostgresConnectionForm</name>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="78"/>
        <source>From PGPASSWORD or ~/.pgpass when empty; never saved</source>
        <translation>Vide&#xa0;: depuis PGPASSWORD ou ~/.pgpass&#xa0;; jamais enregistré</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="84"/>
        <source>items, or schema.items</source>
        <translation>items, ou schema.items</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="87"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="91"/>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="94"/>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="95"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="96"/>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="97"/>
        <source>SS&amp;L mode:</source>
        <translation>Mode SS&amp;L&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="98"/>
        <source>&amp;Table:</source>
        <translation>&amp;Table&#xa0;:</translation>
    </message>
</context>
<context>
    <name>sextant::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="15"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="18"/>
        <source>Writes</source>
        <translation>Écritures</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="21"/>
        <source>As each index was created</source>
        <translation>Comme à la création de chaque index</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="22"/>
        <source>Full (survives power failure)</source>
        <translation>Complète (survit à une coupure de courant)</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="23"/>
        <source>Normal (survives a crash of Sextant)</source>
        <translation>Normale (survit à un plantage de Sextant)</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="24"/>
        <source>Off (no syncs: fastest, unsafe)</source>
        <translation>Désactivée (aucune synchronisation&#xa0;: la plus rapide, risquée)</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="27"/>
        <source>When a write counts as done. Applies to indexes opened from now on.</source>
        <translation>Quand une écriture est considérée comme faite. S’applique aux index ouverts à partir de maintenant.</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="28"/>
        <source>&amp;Durability of open indexes:</source>
        <translation>&amp;Durabilité des index ouverts&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="33"/>
        <source>Default for &amp;new indexes:</source>
        <translation>Par défaut pour les &amp;nouveaux index&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="36"/>
        <source>Queries</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="41"/>
        <source>Default &amp;k (results):</source>
        <translation>&amp;k par défaut (résultats)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="44"/>
        <source>The index&apos;s own</source>
        <translation>Celui de l’index</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="46"/>
        <source>Candidates an approximate query considers. Higher: better recall, slower.</source>
        <translation>Candidats examinés par une requête approximative. Plus élevé&#xa0;: meilleur rappel, plus lent.</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="47"/>
        <source>Default &amp;ef:</source>
        <translation>&amp;ef par défaut&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="50"/>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="53"/>
        <location filename="../ui/PreferencesDialog.cpp" line="60"/>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="54"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="55"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="57"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="66"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="67"/>
        <source>A new language takes effect the next time Sextant starts.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de Sextant.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::PublishDialog</name>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="171"/>
        <source>Publish %1 to PostgreSQL</source>
        <translation>Publier %1 dans PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="178"/>
        <source>&amp;Create the table (and the vector extension) when it is missing</source>
        <translation>&amp;Créer la table (et l’extension vector) si elle manque</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="180"/>
        <source>&amp;Merge into a table that holds other rows (never delete rows)</source>
        <translation>&amp;Fusionner dans une table qui contient d’autres lignes (ne jamais supprimer de ligne)</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="182"/>
        <source>HNSW (the index&apos;s M and efConstruction)</source>
        <translation>HNSW (M et efConstruction de l’index)</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="183"/>
        <source>IVFFlat</source>
        <translation>IVFFlat</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="184"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="188"/>
        <source>&amp;ANN index on the server:</source>
        <translation>Index &amp;ANN sur le serveur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="190"/>
        <source>Nothing is sent before you have seen the plan.</source>
        <translation>Rien n’est envoyé avant que vous ayez vu le plan.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="213"/>
        <source>&amp;Show Plan</source>
        <translation>&amp;Voir le plan</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="215"/>
        <source>&amp;Publish</source>
        <translation>&amp;Publier</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="217"/>
        <source>Ca&amp;ncel Publish</source>
        <translation>A&amp;nnuler la publication</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="277"/>
        <source>Connecting and comparing…</source>
        <translation>Connexion et comparaison…</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="292"/>
        <source>Publish #%1 to %2 on %3.</source>
        <translation>Publication nº %1 vers %2 sur %3.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="294"/>
        <source>%1 items: %2 to send, %3 to delete, %4 unchanged.</source>
        <translation>%1 éléments&#xa0;: %2 à envoyer, %3 à supprimer, %4 inchangés.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="297"/>
        <source>Then: %1</source>
        <translation>Ensuite&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="311"/>
        <source>No plan: %1</source>
        <translation>Pas de plan&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="332"/>
        <source>Publishing…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="349"/>
        <source>%1 of %2 changes sent, %3 MB/s</source>
        <translation>%1 modifications sur %2 envoyées, %3 Mo/s</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="360"/>
        <source>Published: %1 rows sent, %2 deleted in %3 batches, %4 MB in %5 s.</source>
        <translation>Publié&#xa0;: %1 lignes envoyées, %2 supprimées en %3 lots, %4 Mo en %5 s.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="364"/>
        <source>The ANN index was created.</source>
        <translation>L’index ANN a été créé.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="366"/>
        <source>Run this query on the server for the ten rows nearest to one item:</source>
        <translation>Exécutez cette requête sur le serveur pour les dix lignes les plus proches d’un élément&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="378"/>
        <source>Not finished: %1</source>
        <translation>Non terminé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sextant::ui::QueryResultsModel</name>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="117"/>
        <source>true</source>
        <translation>vrai</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="117"/>
        <source>false</source>
        <translation>faux</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="118"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="153"/>
        <source>In the exact top-k at rank %1, but missed by this query</source>
        <translation>Dans le top-k exact au rang %1, mais manqué par cette requête</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="160"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="166"/>
        <source>missed</source>
        <translation>manqué</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="167"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="167"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="179"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="180"/>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="183"/>
        <source>Similarity</source>
        <translation>Similarité</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="184"/>
        <source>Dot product</source>
        <translation>Produit scalaire</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="185"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="187"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="190"/>
        <source>In exact top-k</source>
        <translation>Dans le top-k exact</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="196"/>
        <source>Cosine similarity to the query: higher is closer (1 = same direction)</source>
        <translation>Similarité cosinus avec la requête&#xa0;: plus elle est élevée, plus l’élément est proche (1 = même direction)</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="197"/>
        <source>Inner product with the query: higher is closer</source>
        <translation>Produit scalaire avec la requête&#xa0;: plus il est élevé, plus l’élément est proche</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="198"/>
        <source>Euclidean (L2) distance to the query: lower is closer (0 = identical)</source>
        <translation>Distance euclidienne (L2) à la requête&#xa0;: plus elle est faible, plus l’élément est proche (0 = identique)</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="202"/>
        <source>Whether the hit is among the exact search&apos;s top-k; rows in italics are exact hits this query missed</source>
        <translation>Si le résultat fait partie du top-k exact&#x202f;; les lignes en italique sont des résultats exacts que cette requête a manqués</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="205"/>
        <source>Position in the results, best first; (n) is the rank in the exact results of a missed hit</source>
        <translation>Position dans les résultats, du meilleur au moins bon&#x202f;; (n) est le rang d’un résultat manqué dans les résultats exacts</translation>
    </message>
</context>
<context>
    <name>sextant::ui::QueryView</name>
    <message>
        <location filename="../ui/QueryView.cpp" line="105"/>
        <source>Vector</source>
        <translation>Vecteur</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="106"/>
        <source>Similar to item</source>
        <translation>Similaire à l’élément</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="107"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="108"/>
        <source>Search with a vector you paste, with the vector of an item (the item itself is left out), or with words (documents imported into this index)</source>
        <translation>Rechercher avec un vecteur collé, avec le vecteur d’un élément (l’élément lui-même est exclu), ou avec des mots (documents importés dans cet index)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="116"/>
        <source>A vector of %n numbers as JSON, e.g. [0.12, -0.5, ...]</source>
        <translation>
            <numerusform>Un vecteur de %n nombre en JSON, p. ex. [0.12, -0.5, ...]</numerusform>
            <numerusform>Un vecteur de %n nombres en JSON, p. ex. [0.12, -0.5, ...]</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="119"/>
        <source>Id of an item in this index</source>
        <translation>Identifiant d’un élément de cet index</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="141"/>
        <source>How many nearest items to return</source>
        <translation>Nombre d’éléments les plus proches à renvoyer</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="144"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="145"/>
        <source>Exact</source>
        <translation>Exacte</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="146"/>
        <source>ANN</source>
        <translation>ANN</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="147"/>
        <source>Auto lets the planner choose; Exact scans every matching item (the true top-k); ANN searches the HNSW graph</source>
        <translation>«&#xa0;Auto&#xa0;» laisse le planificateur choisir&#x202f;; «&#xa0;Exacte&#xa0;» parcourt chaque élément correspondant (le vrai top-k)&#x202f;; «&#xa0;ANN&#xa0;» parcourt le graphe HNSW</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="152"/>
        <source>index default (%1)</source>
        <translation>valeur de l’index (%1)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="154"/>
        <source>HNSW candidate list size: larger is slower and finds more of the true neighbours</source>
        <translation>Taille de la liste de candidats HNSW&#xa0;: plus elle est grande, plus c’est lent et plus on trouve de vrais voisins</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="156"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="159"/>
        <source>Run the query (Ctrl+Return)</source>
        <translation>Lancer la requête (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="164"/>
        <source>Compare with exact</source>
        <translation>Comparer à la recherche exacte</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="166"/>
        <source>Run the same query as an exact scan and show which true neighbours were found</source>
        <translation>Lancer la même requête en parcours exact et montrer quels vrais voisins ont été trouvés</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="167"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="169"/>
        <source>Stop waiting for the running query</source>
        <translation>Ne plus attendre la requête en cours</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="221"/>
        <source>Query:</source>
        <translation>Requête&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="225"/>
        <source>Filter:</source>
        <translation>Filtre&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="227"/>
        <source>Metadata filter in the JSON filter language (see docs/filters.md); empty matches everything</source>
        <translation>Filtre sur les métadonnées dans le langage de filtre JSON (voir docs/filters.md)&#x202f;; vide, il laisse tout passer</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="263"/>
        <source>&amp;k:</source>
        <translation>&amp;k&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="264"/>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="265"/>
        <source>&amp;ef:</source>
        <translation>&amp;ef&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="352"/>
        <source>Search the documents…</source>
        <translation>Rechercher dans les documents…</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="356"/>
        <source>Hybrid</source>
        <translation>Hybride</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="357"/>
        <source>Meaning (vector)</source>
        <translation>Sens (vecteur)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="358"/>
        <source>Keywords (BM25)</source>
        <translation>Mots-clés (BM25)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="359"/>
        <source>Hybrid fuses the two rankings; Meaning embeds the words and searches by vector; Keywords ranks the passages that contain the words (BM25)</source>
        <translation>«&#xa0;Hybride&#xa0;» fusionne les deux classements&#x202f;; «&#xa0;Sens&#xa0;» plonge les mots et cherche par vecteur&#x202f;; «&#xa0;Mots-clés&#xa0;» classe les passages qui contiennent les mots (BM25)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="434"/>
        <source>Text search needs an index made for documents: this one holds vectors made elsewhere, so Sextant cannot turn words into its vectors.</source>
        <translation>La recherche de texte nécessite un index conçu pour des documents&#xa0;: celui-ci contient des vecteurs calculés ailleurs, Sextant ne peut donc pas transformer des mots en ses vecteurs.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="437"/>
        <source>Its items carry a &quot;text&quot; field, so Keywords (BM25) works.</source>
        <translation>Ses éléments portent un champ «&#xa0;text&#xa0;»&#xa0;: «&#xa0;Mots-clés (BM25)&#xa0;» fonctionne donc.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="363"/>
        <source>All hits</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="160"/>
        <source>Compare with Another Open Index…</source>
        <translation>Comparer avec un autre index ouvert…</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="163"/>
        <source>Run the same queries on another open index (another model or chunking) and compare the results</source>
        <translation>Exécuter les mêmes requêtes sur un autre index ouvert (autre modèle ou autre découpage) et comparer les résultats</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="364"/>
        <source>Score ≥ 25 % of the best</source>
        <translation>Score ≥ 25&#xa0;% du meilleur</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="365"/>
        <source>Score ≥ 50 % of the best</source>
        <translation>Score ≥ 50&#xa0;% du meilleur</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="366"/>
        <source>Leave out hits whose score is far below the best hit&apos;s: a search with few relevant passages then ends where they do</source>
        <translation>Omettre les résultats dont le score est très inférieur à celui du meilleur&#xa0;: une recherche avec peu de passages pertinents s’arrête alors avec eux</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="477"/>
        <source>Text search needs an index made for documents.</source>
        <translation>La recherche de texte nécessite un index conçu pour des documents.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="478"/>
        <source>This search mode is not available for this index.</source>
        <translation>Ce mode de recherche n’est pas disponible pour cet index.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="482"/>
        <source>Enter the words to search for.</source>
        <translation>Saisissez les mots à rechercher.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="509"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="510"/>
        <source>Searching… (the first keyword search reads every passage once)</source>
        <translation>Recherche… (la première recherche par mots-clés lit chaque passage une fois)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="511"/>
        <source>Text search</source>
        <translation>Recherche de texte</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="538"/>
        <source>The hits below are from the previous search.</source>
        <translation>Les résultats ci-dessous viennent de la recherche précédente.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="572"/>
        <source>Enter a vector of %n numbers.</source>
        <translation>
            <numerusform>Saisissez un vecteur de %n nombre.</numerusform>
            <numerusform>Saisissez un vecteur de %n nombres.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="577"/>
        <source>NaN and infinity are not allowed in a vector: every value must be a finite number.</source>
        <translation>NaN et l’infini ne sont pas admis dans un vecteur&#xa0;: chaque valeur doit être un nombre fini.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="595"/>
        <source>Not a JSON array of numbers.</source>
        <translation>Pas un tableau JSON de nombres.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="588"/>
        <source>Element %1 is not a number.</source>
        <translation>L’élément %1 n’est pas un nombre.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="587"/>
        <source>Element %1 is not a finite number (or too large for a float).</source>
        <translation>L’élément %1 n’est pas un nombre fini (ou est trop grand pour un float).</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="592"/>
        <source>Not a JSON array of numbers: it goes wrong near character %1.</source>
        <translation>Pas un tableau JSON de nombres&#xa0;: l’erreur se trouve près du caractère %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="601"/>
        <source>The vector has %n number(s); this index holds vectors of %1 dimensions.</source>
        <translation>
            <numerusform>Le vecteur a %n nombre&#x202f;; cet index contient des vecteurs de %1 dimensions.</numerusform>
            <numerusform>Le vecteur a %n nombres&#x202f;; cet index contient des vecteurs de %1 dimensions.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="652"/>
        <source>Enter the id of an item.</source>
        <translation>Saisissez l’identifiant d’un élément.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="730"/>
        <source>Running…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="731"/>
        <source>Exact query</source>
        <translation>Requête exacte</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="731"/>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="750"/>
        <source>Exact query for comparison</source>
        <translation>Requête exacte pour comparaison</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="751"/>
        <source>Comparing with the exact search…</source>
        <translation>Comparaison avec la recherche exacte…</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="774"/>
        <source>Comparison cancelled.</source>
        <translation>Comparaison annulée.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="777"/>
        <source>Query cancelled; the hits below are from the previous query.</source>
        <translation>Requête annulée&#x202f;; les résultats ci-dessous viennent de la requête précédente.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="778"/>
        <source>Query cancelled.</source>
        <translation>Requête annulée.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="790"/>
        <source>The hits below are from the previous query.</source>
        <translation>Les résultats ci-dessous viennent de la requête précédente.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="825"/>
        <source>The exact search failed.</source>
        <translation>La recherche exacte a échoué.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="843"/>
        <source>exact scan took %1</source>
        <translation>le parcours exact a pris %1</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="844"/>
        <source>Rows marked &quot;missed&quot; (in italics) are true neighbours this query did not return</source>
        <translation>Les lignes marquées «&#xa0;manqué&#xa0;» (en italique) sont de vrais voisins que cette requête n’a pas renvoyés</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="854"/>
        <source>Recall: the exact search found no hits either</source>
        <translation>Rappel&#xa0;: la recherche exacte n’a trouvé aucun résultat non plus</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="855"/>
        <source>Recall %1/%2 = %3 against the exact top-%4</source>
        <translation>Rappel %1/%2 = %3 par rapport au top-%4 exact</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="868"/>
        <location filename="../ui/QueryView.cpp" line="896"/>
        <source>%n hit(s) in %1</source>
        <translation>
            <numerusform>%n résultat en %1</numerusform>
            <numerusform>%n résultats en %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="874"/>
        <source>%n within half of the best score</source>
        <translation>
            <numerusform>%n à au moins la moitié du meilleur score</numerusform>
            <numerusform>%n à au moins la moitié du meilleur score</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="877"/>
        <source>%n hidden below the minimum score</source>
        <translation>
            <numerusform>%n masqué sous le score minimal</numerusform>
            <numerusform>%n masqués sous le score minimal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="879"/>
        <source>%n passage(s) in the keyword index</source>
        <translation>
            <numerusform>%n passage dans l’index des mots-clés</numerusform>
            <numerusform>%n passages dans l’index des mots-clés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="888"/>
        <source>The index has changed since this search ran; run it again for current results.</source>
        <translation>L’index a changé depuis cette recherche&#x202f;; relancez-la pour obtenir des résultats à jour.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="899"/>
        <source>%Ln item(s) of %1 match the filter</source>
        <translation>
            <numerusform>%Ln élément sur %1 correspond au filtre</numerusform>
            <numerusform>%Ln éléments sur %1 correspondent au filtre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="902"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="903"/>
        <source>ef %1</source>
        <translation>ef %1</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="907"/>
        <source>Fell back to the exact scan: %1</source>
        <translation>Repli sur le parcours exact&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="915"/>
        <source>The index has changed since this query ran; run it again for current results.</source>
        <translation>L’index a changé depuis cette requête&#x202f;; relancez-la pour obtenir des résultats à jour.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="980"/>
        <source>No passages: the items of this index carry no text.</source>
        <translation>Aucun passage&#xa0;: les éléments de cet index ne contiennent pas de texte.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="981"/>
        <source>No passage matches these words.

Try other words, or Meaning (vector) to find passages that say the same thing differently.</source>
        <translation>Aucun passage ne correspond à ces mots.

Essayez d’autres mots, ou «&#xa0;Sens (vecteur)&#xa0;» pour trouver des passages qui disent la même chose autrement.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="989"/>
        <source>No search yet.

Type words in &quot;Search the documents…&quot; and press Enter, or search by vector or by item.</source>
        <translation>Aucune recherche pour l’instant.

Tapez des mots dans «&#xa0;Rechercher dans les documents…&#xa0;» et appuyez sur Entrée, ou recherchez par vecteur ou par élément.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="995"/>
        <source>No query yet.

Paste a vector as JSON, or choose &quot;Similar to item&quot; and enter an id, then press Run (Ctrl+Return).</source>
        <translation>Aucune requête pour l’instant.

Collez un vecteur en JSON, ou choisissez «&#xa0;Similaire à l’élément&#xa0;» et saisissez un identifiant, puis cliquez sur «&#xa0;Lancer&#xa0;» (Ctrl+Entrée).</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="1001"/>
        <source>The filter matches no items, so there are no hits.

Loosen the filter and run again.</source>
        <translation>Le filtre ne retient aucun élément&#xa0;: il n’y a donc aucun résultat.

Assouplissez le filtre et relancez.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="1003"/>
        <source>The index is empty: there is nothing to find yet.</source>
        <translation>L’index est vide&#xa0;: il n’y a encore rien à trouver.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="1005"/>
        <source>No hits.</source>
        <translation>Aucun résultat.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::RepairDialog</name>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="42"/>
        <source>Repair %1</source>
        <translation>Réparer %1</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="46"/>
        <source>&lt;b&gt;Repair plan for %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Plan de réparation de %1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairDialog.cpp" line="53"/>
        <source>Nothing has been changed yet. Approve to carry out these %n step(s); afterwards the index is verified again and you see the result before and after.</source>
        <translation>
            <numerusform>Rien n’a encore été modifié. Approuvez pour exécuter le plan (%n étape)&#x202f;; l’index est ensuite vérifié de nouveau et vous voyez le résultat avant et après.</numerusform>
            <numerusform>Rien n’a encore été modifié. Approuvez pour exécuter le plan (%n étapes)&#x202f;; l’index est ensuite vérifié de nouveau et vous voyez le résultat avant et après.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="56"/>
        <source>Nothing has been changed. The repair below cannot run now.</source>
        <translation>Rien n’a été modifié. La réparation ci-dessous ne peut pas s’exécuter maintenant.</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="57"/>
        <source>Nothing has been changed. The last report gives repair nothing to do.</source>
        <translation>Rien n’a été modifié. D’après le dernier rapport, il n’y a rien à réparer.</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="59"/>
        <source>The index is closed in this window while you decide; Cancel opens it again.</source>
        <translation>L’index est fermé dans cette fenêtre le temps de votre décision&#x202f;; «&#xa0;Annuler&#xa0;» le rouvre.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairDialog.cpp" line="75"/>
        <source>In all, %Ln item(s) will be set aside in quarantine/, with whatever of them could be read. Every other item stays in the index.</source>
        <translation>
            <numerusform>Au total, %Ln élément sera mis de côté dans quarantine/, avec tout ce qui a pu en être lu. Tous les autres éléments restent dans l’index.</numerusform>
            <numerusform>Au total, %Ln éléments seront mis de côté dans quarantine/, avec tout ce qui a pu en être lu. Tous les autres éléments restent dans l’index.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="78"/>
        <source>No item will be set aside: every item readable now stays in the index.</source>
        <translation>Aucun élément ne sera mis de côté&#xa0;: chaque élément lisible maintenant reste dans l’index.</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="89"/>
        <source>&lt;b&gt;The repair cannot run:&lt;/b&gt;</source>
        <translation>&lt;b&gt;La réparation ne peut pas s’exécuter&#xa0;:&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="105"/>
        <source>Write a backup archive first</source>
        <translation>Écrire d’abord une archive de sauvegarde</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="109"/>
        <source>A .tar.zst archive of the whole index folder as it is now, written before anything changes.</source>
        <translation>Une archive .tar.zst de tout le dossier de l’index dans son état actuel, écrite avant toute modification.</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="115"/>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="121"/>
        <source>Approve and Repair</source>
        <translation>Approuver et réparer</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="137"/>
        <source>No steps.</source>
        <translation>Aucune étape.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairDialog.cpp" line="146"/>
        <source>%Ln item(s) set aside to quarantine/</source>
        <translation>
            <numerusform>%Ln élément mis de côté dans quarantine/</numerusform>
            <numerusform>%Ln éléments mis de côté dans quarantine/</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="168"/>
        <source>Backup Archive</source>
        <translation>Archive de sauvegarde</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="169"/>
        <source>Zstandard tar archives (*.tar.zst)</source>
        <translation>Archives tar Zstandard (*.tar.zst)</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="179"/>
        <source>The plan cannot run; see why above.</source>
        <translation>Le plan ne peut pas s’exécuter&#x202f;; la raison est indiquée ci-dessus.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::RepairResultPanel</name>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="30"/>
        <source>not counted</source>
        <translation>non compté</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="49"/>
        <source>Open Index</source>
        <translation>Ouvrir l’index</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="51"/>
        <source>Open the repaired index in this tab.</source>
        <translation>Ouvrir l’index réparé dans cet onglet.</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="54"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="69"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="69"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="74"/>
        <source>Problems:</source>
        <translation>Problèmes&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="74"/>
        <source>Errors:</source>
        <translation>Erreurs&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="74"/>
        <source>Warnings:</source>
        <translation>Avertissements&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="74"/>
        <source>Readable items:</source>
        <translation>Éléments lisibles&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="100"/>
        <source>Repair log</source>
        <translation>Journal de réparation</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="134"/>
        <source>Repaired: the index verifies clean.</source>
        <translation>Réparé&#xa0;: la vérification de l’index ne signale plus rien.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="135"/>
        <source>Repaired, but %n problem(s) remain.</source>
        <translation>
            <numerusform>Réparé, mais %n problème subsiste.</numerusform>
            <numerusform>Réparé, mais %n problèmes subsistent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="142"/>
        <source>Repaired, but %Ln item(s) readable before are neither in the index nor in quarantine/.</source>
        <translation>
            <numerusform>Réparé, mais %Ln élément lisible auparavant n’est ni dans l’index ni dans quarantine/.</numerusform>
            <numerusform>Réparé, mais %Ln éléments lisibles auparavant ne sont ni dans l’index ni dans quarantine/.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="144"/>
        <source>No backup archive was written.</source>
        <translation>Aucune archive de sauvegarde n’a été écrite.</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="145"/>
        <source>The backup archive holds the index as it was before the repair.</source>
        <translation>L’archive de sauvegarde contient l’index tel qu’il était avant la réparation.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="158"/>
        <source>%1 (%Ln set aside in quarantine/)</source>
        <translation>
            <numerusform>%1 (%Ln mis de côté dans quarantine/)</numerusform>
            <numerusform>%1 (%Ln mis de côté dans quarantine/)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="162"/>
        <source>Backup: none (declined).</source>
        <translation>Sauvegarde&#xa0;: aucune (refusée).</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="163"/>
        <source>Backup: %1</source>
        <translation>Sauvegarde&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="170"/>
        <source>Quarantine: nothing was set aside.</source>
        <translation>Quarantaine&#xa0;: rien n’a été mis de côté.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="171"/>
        <source>Quarantine (%n file(s)): %1</source>
        <translation>
            <numerusform>Quarantaine (%n fichier)&#xa0;: %1</numerusform>
            <numerusform>Quarantaine (%n fichiers)&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="182"/>
        <source>The repair did not finish: %1</source>
        <translation>La réparation n’a pas abouti&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="183"/>
        <source>The findings below are a new verification of the folder as it is now.</source>
        <translation>Les constats ci-dessous viennent d’une nouvelle vérification du dossier dans son état actuel.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::StartPage</name>
    <message>
        <location filename="../ui/StartPage.cpp" line="74"/>
        <source>Sextant</source>
        <translation>Sextant</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="80"/>
        <source>Create, browse, query and repair local vector indexes.</source>
        <translation>Créer, parcourir, interroger et réparer des index vectoriels locaux.</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="88"/>
        <source>New Index…</source>
        <translation>Nouvel index…</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="90"/>
        <source>Open Index…</source>
        <translation>Ouvrir un index…</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="107"/>
        <source>New to Sextant?</source>
        <translation>Vous découvrez Sextant&#x202f;?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/StartPage.cpp" line="114"/>
        <source>Make a demo index from %n short text(s) about navigation, astronomy, cooking, music and more, and try browsing, searching, the map and the integrity check on it. It takes a few seconds and stays in your data folder.</source>
        <translation>
            <numerusform>Créez un index de démonstration à partir de %n court texte sur la navigation, l’astronomie, la cuisine, la musique et bien d’autres sujets, puis découvrez-y comment parcourir les éléments, faire des recherches, utiliser la carte et vérifier l’intégrité. Cela ne prend que quelques secondes, et l’index reste dans votre dossier de données.</numerusform>
            <numerusform>Créez un index de démonstration à partir de %n courts textes sur la navigation, l’astronomie, la cuisine, la musique et bien d’autres sujets, puis découvrez-y comment parcourir les éléments, faire des recherches, utiliser la carte et vérifier l’intégrité. Cela ne prend que quelques secondes, et l’index reste dans votre dossier de données.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="122"/>
        <location filename="../ui/StartPage.cpp" line="130"/>
        <location filename="../ui/StartPage.cpp" line="201"/>
        <source>Create a Demo Index</source>
        <translation>Créer un index de démonstration</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="141"/>
        <source>Recent indexes</source>
        <translation>Index récents</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="153"/>
        <source>No recent indexes yet. Create one, open one, or drop an index folder or files to import here.</source>
        <translation>Aucun index récent pour l’instant. Créez-en un, ouvrez-en un, ou déposez ici un dossier d’index ou des fichiers à importer.</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="159"/>
        <source>Tip: drop an index folder anywhere on this window to open it; an index another program is writing opens read-only. Drop documents (text, Markdown, HTML, PDF, zip or tar archives) or vector files (JSON Lines, CSV, .npy, .fvecs, a Vectra or LangChain folder) to make a new index from them.</source>
        <translation>Astuce&#xa0;: déposez un dossier d’index n’importe où sur cette fenêtre pour l’ouvrir&#x202f;; un index dans lequel un autre programme écrit s’ouvre en lecture seule. Déposez des documents (texte, Markdown, HTML, PDF, archives zip ou tar) ou des fichiers de vecteurs (JSON Lines, CSV, .npy, .fvecs, un dossier Vectra ou LangChain) pour en faire un nouvel index.</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="187"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="131"/>
        <location filename="../ui/StartPage.cpp" line="201"/>
        <source>Creating the Demo Index…</source>
        <translation>Création de l’index de démonstration…</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="209"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="210"/>
        <source>Remove from This List</source>
        <translation>Retirer de cette liste</translation>
    </message>
</context>
<context>
    <name>sextant::ui::SummaryView</name>
    <message>
        <location filename="../ui/SummaryView.cpp" line="35"/>
        <source>cosine similarity</source>
        <translation>similarité cosinus</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="36"/>
        <source>Euclidean distance (L2)</source>
        <translation>distance euclidienne (L2)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="37"/>
        <source>dot product</source>
        <translation>produit scalaire</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="45"/>
        <source>full</source>
        <translation>complète</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="46"/>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="47"/>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="55"/>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="56"/>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="57"/>
        <source>yes/no</source>
        <translation>oui/non</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="58"/>
        <source>list of texts</source>
        <translation>liste de textes</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="121"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="122"/>
        <source>Dimensions:</source>
        <translation>Dimensions&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="123"/>
        <source>Metric:</source>
        <translation>Métrique&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="124"/>
        <source>Metadata fields:</source>
        <translation>Champs de métadonnées&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="125"/>
        <source>Durability:</source>
        <translation>Durabilité&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="126"/>
        <source>Created:</source>
        <translation>Création&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="127"/>
        <source>Access:</source>
        <translation>Accès&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="130"/>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="131"/>
        <source>Items:</source>
        <translation>Éléments&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="132"/>
        <source>Segments:</source>
        <translation>Segments&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="133"/>
        <source>Not yet checkpointed:</source>
        <translation>Pas encore au point de contrôle&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="134"/>
        <source>Size on disk:</source>
        <translation>Taille sur le disque&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="135"/>
        <source>Write-ahead log:</source>
        <translation>Journal de transactions&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="136"/>
        <source>Last checkpoint:</source>
        <translation>Dernier point de contrôle&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="137"/>
        <source>Write queue:</source>
        <translation>File d’écriture&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="139"/>
        <source>Checkpoint</source>
        <translation>Point de contrôle</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="140"/>
        <source>Fold the write-ahead log into segments now.</source>
        <translation>Verser maintenant le journal de transactions dans les segments.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="141"/>
        <source>Compact</source>
        <translation>Compacter</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="142"/>
        <source>Rewrite all segments into one, dropping deleted rows.</source>
        <translation>Réécrire tous les segments en un seul, en supprimant les lignes effacées.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="149"/>
        <source>Search graph (HNSW)</source>
        <translation>Graphe de recherche (HNSW)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="150"/>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="151"/>
        <source>Items in graph:</source>
        <translation>Éléments dans le graphe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="152"/>
        <source>Parameters:</source>
        <translation>Paramètres&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="153"/>
        <source>Memory:</source>
        <translation>Mémoire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="154"/>
        <source>Search ef:</source>
        <translation>ef de recherche&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="156"/>
        <source>Estimated recall@10:</source>
        <translation>Rappel@10 estimé&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="157"/>
        <source>Estimate Recall</source>
        <translation>Estimer le rappel</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="158"/>
        <source>Compare approximate with exact search on sampled items.</source>
        <translation>Comparer la recherche approximative et la recherche exacte sur des éléments échantillonnés.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="167"/>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="168"/>
        <source>Last verification:</source>
        <translation>Dernière vérification&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="170"/>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="171"/>
        <source>Check every log frame and data block against its checksum.</source>
        <translation>Contrôler chaque trame du journal et chaque bloc de données avec sa somme de contrôle.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="172"/>
        <source>Full Verify</source>
        <translation>Vérification complète</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="173"/>
        <source>Also check the size and SHA-256 of every file.</source>
        <translation>Contrôler aussi la taille et le SHA-256 de chaque fichier.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="224"/>
        <source>not available</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="231"/>
        <source>%1 per approximate query, %2 per exact query</source>
        <translation>%1 par requête approximative, %2 par requête exacte</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="242"/>
        <source>%1 (%2, required)</source>
        <translation>%1 (%2, obligatoire)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="242"/>
        <location filename="../ui/SummaryView.cpp" line="287"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="243"/>
        <source>none declared</source>
        <translation>aucun déclaré</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="244"/>
        <location filename="../ui/SummaryView.cpp" line="487"/>
        <source>not estimated yet</source>
        <translation>pas encore estimé</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="249"/>
        <location filename="../ui/SummaryView.cpp" line="435"/>
        <source>The index is open read-only.</source>
        <translation>L’index est ouvert en lecture seule.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="270"/>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="278"/>
        <source>Read-only: %1 writes this index.</source>
        <translation>Lecture seule&#xa0;: %1 écrit dans cet index.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="278"/>
        <source>Read-only.</source>
        <translation>Lecture seule.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="280"/>
        <source>Open for writing by this window.</source>
        <translation>Ouvert en écriture par cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="290"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="424"/>
        <source>Convert Graph to Float Vectors…</source>
        <translation>Convertir le graphe en vecteurs flottants…</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="425"/>
        <source>Convert Graph to 8-bit Codes…</source>
        <translation>Convertir le graphe en codes 8 bits…</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="437"/>
        <source>The graph is being converted.</source>
        <translation>Le graphe est en cours de conversion.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="441"/>
        <source>Keep float copies of the vectors in the graph: about three times the memory.</source>
        <translation>Garder dans le graphe des copies flottantes des vecteurs&#x202f;: environ trois fois plus de mémoire.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="442"/>
        <source>Keep 8-bit codes in the graph instead of float copies: about a third of the memory.</source>
        <translation>Garder dans le graphe des codes 8 bits au lieu de copies flottantes&#x202f;: environ un tiers de la mémoire.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="460"/>
        <source>Convert Graph to 8-bit Codes</source>
        <translation>Convertir le graphe en codes 8 bits</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="460"/>
        <source>Convert Graph to Float Vectors</source>
        <translation>Convertir le graphe en vecteurs flottants</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="463"/>
        <source>Convert the search graph of %1 to 8-bit codes?</source>
        <translation>Convertir le graphe de recherche de %1 en codes 8 bits&#x202f;?</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="464"/>
        <source>Convert the search graph of %1 to float vectors?</source>
        <translation>Convertir le graphe de recherche de %1 en vecteurs flottants&#x202f;?</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="467"/>
        <source>The graph is rebuilt from the vectors in the background. Until it is ready, queries scan every item exactly: the same results, more slowly. Items, ids and metadata do not change.</source>
        <translation>Le graphe est reconstruit à partir des vecteurs en arrière-plan. Tant qu’il n’est pas prêt, les requêtes parcourent chaque élément exactement&#x202f;: mêmes résultats, plus lentement. Les éléments, identifiants et métadonnées ne changent pas.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="470"/>
        <source>Graph memory per item: %1 now, %2 after (the whole graph: %3 now, about %4 after).</source>
        <translation>Mémoire du graphe par élément&#x202f;: %1 maintenant, %2 après (le graphe entier&#x202f;: %3 maintenant, environ %4 après).</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="472"/>
        <source>Convert</source>
        <translation>Convertir</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="480"/>
        <source>Converting the graph of %1</source>
        <translation>Conversion du graphe de %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="484"/>
        <source>Converting the graph failed</source>
        <translation>Échec de la conversion du graphe</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="288"/>
        <location filename="../ui/SummaryView.cpp" line="292"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="228"/>
        <source>%1 % (%Ln sampled queries, ef %2)</source>
        <translation>
            <numerusform>%1&#xa0;% (%Ln requête échantillonnée, ef %2)</numerusform>
            <numerusform>%1&#xa0;% (%Ln requêtes échantillonnées, ef %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="293"/>
        <source>%Ln deleted row(s) that compaction drops</source>
        <translation>
            <numerusform>%Ln ligne effacée que le compactage supprimera</numerusform>
            <numerusform>%Ln lignes effacées que le compactage supprimera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="295"/>
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln modification</numerusform>
            <numerusform>%Ln modifications</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="299"/>
        <source>Log sequence number %1 of %2</source>
        <translation>Numéro de séquence du journal %1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="284"/>
        <source>none yet: the items are in the log until the first checkpoint</source>
        <translation>aucun pour l’instant&#xa0;: les éléments sont dans le journal jusqu’au premier point de contrôle</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="301"/>
        <source>idle</source>
        <translation>vide</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="302"/>
        <source>%Ln write(s) queued</source>
        <translation>
            <numerusform>%Ln écriture en attente</numerusform>
            <numerusform>%Ln écritures en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="307"/>
        <source>off: every query scans exactly</source>
        <translation>désactivé&#xa0;: chaque requête fait un parcours exact</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="308"/>
        <source>loading</source>
        <translation>chargement</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="309"/>
        <source>building</source>
        <translation>construction</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="310"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="311"/>
        <source>failed: queries scan exactly</source>
        <translation>échec&#xa0;: les requêtes font un parcours exact</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="313"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="321"/>
        <source>%1 (%Ln change(s) pending, searched exactly meanwhile)</source>
        <translation>
            <numerusform>%1 (%Ln modification en attente, recherchée exactement d’ici là)</numerusform>
            <numerusform>%1 (%Ln modifications en attente, recherchées exactement d’ici là)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="332"/>
        <source>not saved yet</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="332"/>
        <source>saved as %1</source>
        <translation>enregistré sous %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="315"/>
        <source>%1; rebuilding it in the background (%2): %3 of %Ln item(s)</source>
        <translation>
            <numerusform>%1&#xa0;; reconstruction en arrière-plan (%2)&#xa0;: %3 sur %Ln élément</numerusform>
            <numerusform>%1&#xa0;; reconstruction en arrière-plan (%2)&#xa0;: %3 sur %Ln éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="319"/>
        <source>%1; rebuilt in the background %Ln time(s) since opened</source>
        <translation>
            <numerusform>%1&#xa0;; reconstruit en arrière-plan %Ln fois depuis l’ouverture</numerusform>
            <numerusform>%1&#xa0;; reconstruit en arrière-plan %Ln fois depuis l’ouverture</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="364"/>
        <source>Never verified on this computer.</source>
        <translation>Jamais vérifié sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="367"/>
        <source>Full verification</source>
        <translation>Vérification complète</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="367"/>
        <source>Quick verification</source>
        <translation>Vérification rapide</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="368"/>
        <source>%1 on %2: %3</source>
        <translation>%1 du %2&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="335"/>
        <source>measuring the ef that reaches the target recall@10 of %1 %…</source>
        <translation>mesure de l’ef qui atteint le rappel@10 visé de %1&#xa0;%…</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="326"/>
        <source>M %1, ef construction %2, ef search %3; %4</source>
        <translation>M %1, ef construction %2, ef search %3&#x202f;; %4</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="330"/>
        <source>8-bit codes, reranked exactly</source>
        <translation>codes 8 bits, reclassés exactement</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="330"/>
        <source>float vectors</source>
        <translation>vecteurs flottants</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="339"/>
        <source>%1: reaches the target recall@10 of %2 % (%3 % measured)</source>
        <translation>%1&#xa0;: atteint le rappel@10 visé de %2&#xa0;% (%3&#xa0;% mesurés)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="342"/>
        <source>%1: the best measured, %3 %, is below the target recall@10 of %2 %</source>
        <translation>%1&#xa0;: le meilleur mesuré, %3&#xa0;%, reste sous le rappel@10 visé de %2&#xa0;%</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="345"/>
        <source>Measured on sampled items when the index held %Ln item(s); measured again as it changes.</source>
        <translation>
            <numerusform>Mesuré sur un échantillon quand l’index contenait %Ln élément&#xa0;; mesuré à nouveau quand il change.</numerusform>
            <numerusform>Mesuré sur un échantillon quand l’index contenait %Ln éléments&#xa0;; mesuré à nouveau quand il change.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="381"/>
        <source>Full verification running…</source>
        <translation>Vérification complète en cours…</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="381"/>
        <source>Verification running…</source>
        <translation>Vérification en cours…</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="382"/>
        <source>Full verification of %1</source>
        <translation>Vérification complète de %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="383"/>
        <source>Verification of %1</source>
        <translation>Vérification de %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="350"/>
        <source>%1, until the ef that reaches the target recall@10 of %2 % is measured</source>
        <translation>%1, jusqu’à ce que l’ef qui atteint le rappel@10 visé de %2&#xa0;% soit mesuré</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="392"/>
        <source>estimating…</source>
        <translation>estimation…</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="395"/>
        <source>Estimating recall of %1</source>
        <translation>Estimation du rappel de %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="400"/>
        <source>Checkpoint of %1</source>
        <translation>Point de contrôle de %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="401"/>
        <source>Checkpoint failed</source>
        <translation>Échec du point de contrôle</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="406"/>
        <source>Compaction of %1</source>
        <translation>Compactage de %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="407"/>
        <source>Compaction failed</source>
        <translation>Échec du compactage</translation>
    </message>
</context>
<context>
    <name>sextant::ui::TaskMonitor</name>
    <message>
        <location filename="../ui/TaskMonitor.cpp" line="26"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/TaskMonitor.cpp" line="27"/>
        <source>Cancel this task</source>
        <translation>Annuler cette tâche</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TaskMonitor.cpp" line="87"/>
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (et %n autre)</numerusform>
            <numerusform>%1 (et %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TaskMonitor.cpp" line="88"/>
        <source>Cancelling: %1</source>
        <translation>Annulation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sextant::ui::TextResultsModel</name>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="196"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="199"/>
        <source>Item %1</source>
        <translation>Élément %1</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="199"/>
        <source>%1
Item %2</source>
        <translation>%1
Élément %2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="203"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="205"/>
        <source>Characters %1 to %2 of the document&apos;s text</source>
        <translation>Caractères %1 à %2 du texte du document</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="220"/>
        <source>Reciprocal-rank fusion of the two rankings (1 / (60 + rank) each)</source>
        <translation>Fusion par rang réciproque des deux classements (1 / (60 + rang) chacun)</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="222"/>
        <source>Similarity of the passage&apos;s vector to the query&apos;s</source>
        <translation>Similarité du vecteur du passage avec celui de la requête</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="223"/>
        <source>BM25 score of the passage for the query&apos;s words</source>
        <translation>Score BM25 du passage pour les mots de la requête</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="235"/>
        <source>vector #%1</source>
        <translation>vecteur n° %1</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="235"/>
        <source>vector –</source>
        <translation>vecteur –</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="236"/>
        <source>keyword #%1</source>
        <translation>mots-clés n° %1</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="236"/>
        <source>keyword –</source>
        <translation>mots-clés –</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="242"/>
        <source>Meaning: #%1, similarity %2</source>
        <translation>Sens&#xa0;: n° %1, similarité %2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="243"/>
        <source>Meaning: not among the candidates</source>
        <translation>Sens&#xa0;: absent des candidats</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="244"/>
        <source>Keywords: #%1, BM25 %2</source>
        <translation>Mots-clés&#xa0;: n° %1, BM25 %2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="247"/>
        <source>Keywords: not among the candidates</source>
        <translation>Mots-clés&#xa0;: absent des candidats</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="260"/>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="261"/>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="262"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="263"/>
        <source>Range</source>
        <translation>Plage</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="264"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="265"/>
        <source>Ranks</source>
        <translation>Rangs</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="214"/>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2&#xa0;%)</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="226"/>
        <source>%1 % of the best hit&apos;s score; hits under %2 % are dimmed.</source>
        <translation>%1&#xa0;% du score du meilleur résultat&#x202f;; les résultats sous %2&#xa0;% sont estompés.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::UmapTask</name>
    <message>
        <location filename="../ui/UmapTask.cpp" line="24"/>
        <source>UMAP: waiting for the neighbour graph</source>
        <translation>UMAP&#xa0;: attente du graphe de voisinage</translation>
    </message>
    <message>
        <location filename="../ui/UmapTask.cpp" line="26"/>
        <source>UMAP: neighbours from the graph</source>
        <translation>UMAP&#xa0;: voisins tirés du graphe</translation>
    </message>
    <message>
        <location filename="../ui/UmapTask.cpp" line="27"/>
        <source>UMAP: reading vectors</source>
        <translation>UMAP&#xa0;: lecture des vecteurs</translation>
    </message>
    <message>
        <location filename="../ui/UmapTask.cpp" line="29"/>
        <source>UMAP: optimising the layout (epoch %1 of %2)</source>
        <translation>UMAP&#xa0;: optimisation de la disposition (époque %1 sur %2)</translation>
    </message>
    <message>
        <location filename="../ui/UmapTask.cpp" line="32"/>
        <source>UMAP: building the fuzzy graph</source>
        <translation>UMAP&#xa0;: construction du graphe flou</translation>
    </message>
</context>
</TS>
