#pragma once
// Why Filter::parse refused a text, as fields a caller can word in its own
// language (the GUI does): the problem, what it names, and what was
// expected there. Where it is stands in the Error (offset(), line(),
// column()); the English words stand in the Error's message.

#include "sextant/Api.h"

#include <QString>

namespace sextant {

struct SEXTANT_API FilterSyntax {
    enum class Problem : quint8 {
        Other,               // only problemText says it
        UnexpectedEnd,       // the text ends too soon
        UnexpectedCharacter, // subject: the printable ASCII character
        UnexpectedByte,      // subject: the byte as 0x and two lower-case hex digits
        UnterminatedString,
        LeadingZero,      // 01
        NumberOutOfRange, // beyond double's range
        DuplicateKey,     // subject: the key
        UnknownOperator,  // subject: the key ("$foo")
        EmptyFieldName,
        EmptyCondition, // field
        NestedKey,      // subject: the key without '$' in the condition on `field`
        ValueOfField,   // a value of `kind` as the value of `field`
        OperandOf,      // a value of `kind` as the operand of `subject` ("$in", "$and")
    };
    // The JSON kinds a problem can name.
    enum class Kind : quint8 { None, Null, Bool, Number, String, Array, Object };
    enum class Expected : quint8 {
        Other,                  // only expectedText says it
        Value,                  // a value
        Colon,                  // ':'
        CommaOrBrace,           // ',' or '}'
        CommaOrBracket,         // ',' or ']'
        FieldName,              // a field name
        FilterObject,           // a filter object {...}
        AndOrOrField,           // $and, $or or a field name
        Scalar,                 // a string, number or bool
        NumberOrString,         // a number or string
        TrueOrFalse,            // true or false
        EachKeyOnce,            // each key at most once in an object
        AtLeastOneFilterObject, // (a $and or $or array with) at least one filter object
        FilterObjectArray,      // an array of filter objects
        Operator,               // one of operatorList()
        AnOperator,             // an operator, one of operatorList()
        OperatorOrNestedPath,   // one of operatorList(), or write "field.subject" to reach a nested field
    };

    Problem problem = Problem::Other;
    bool afterEnd = false; // the problem follows a complete JSON value
    QString subject;
    QString field;
    Kind kind = Kind::None;
    Expected expected = Expected::Other;
    // The engine's English words, as its message has them.
    QString problemText;
    QString expectedText;

    // "$eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists"
    static QString operatorList();
};

} // namespace sextant
